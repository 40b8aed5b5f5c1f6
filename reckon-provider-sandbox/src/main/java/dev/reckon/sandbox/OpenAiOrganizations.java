package dev.reckon.sandbox;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Builds the seeded OpenAI organizations. */
final class OpenAiOrganizations {

  static final int COUNT = 2;

  private static final List<String> NAMES =
      List.of("Acme Analytics", "Bluebird Health", "Northwind Labs", "Copperleaf Retail");

  private static final BigDecimal SCALE_TIER_DAILY_USD = new BigDecimal("112.5000000000");

  private OpenAiOrganizations() {}

  /**
   * Builds organization {@code index}. The first one has the fine-tuned model, an archived project,
   * a deleted key and a Scale Tier charge. The second one runs the high-volume batch job.
   */
  static Organization build(long seed, int index) {
    SeededRandom random = new SeededRandom(Hashing.hash(seed, 1, index));
    boolean first = index == 0;

    String id = "org-" + random.alphanumeric(24);
    String name = NAMES.get(index * 2 + random.between(0, 1));
    String adminKey = "sk-admin-sandbox-" + random.alphanumeric(32);
    List<Member> members = OrganizationParts.members(random, "user-", 24);
    List<Project> projects = projects(random, first);
    List<ApiKey> keys = apiKeys(random, projects, members, first);
    List<String> models = models(random, first);
    List<UsageStream> streams = streams(random, projects, keys, members, models, first);

    return new Organization(
        SandboxProvider.OPENAI,
        index,
        id,
        name,
        adminKey,
        first ? -5 : 1,
        members,
        projects,
        keys,
        models,
        streams,
        first ? SCALE_TIER_DAILY_USD : null);
  }

  private static List<Project> projects(SeededRandom random, boolean withArchived) {
    int count = random.between(2, 4);
    List<Project> projects = new ArrayList<>();
    for (String name : random.pickDistinct(OrganizationParts.PROJECT_NAMES, count)) {
      boolean archived = withArchived && projects.size() == count - 1;
      projects.add(
          new Project(
              "proj_" + random.alphanumeric(24),
              name,
              OrganizationParts.createdAt(random),
              archived
                  ? random.instantWithin(OrganizationParts.ARCHIVED_FROM, Duration.ofDays(60))
                  : null,
              null));
    }
    return List.copyOf(projects);
  }

  private static List<ApiKey> apiKeys(
      SeededRandom random, List<Project> projects, List<Member> members, boolean withDeleted) {
    int count = random.between(3, 6) + (withDeleted ? 1 : 0);
    List<ApiKey> keys = new ArrayList<>();
    for (String name : random.pickDistinct(OrganizationParts.KEY_NAMES, count)) {
      Project project = projects.get(keys.size() % projects.size());
      boolean serviceAccount = random.chance(0.3);
      boolean deleted = withDeleted && keys.size() == count - 1;
      keys.add(
          new ApiKey(
              "key_" + random.alphanumeric(16),
              name,
              project.id(),
              (serviceAccount ? "sk-svcacct-..." : "sk-proj-...") + random.alphanumeric(4),
              OrganizationParts.createdAt(random),
              random.pick(members),
              serviceAccount,
              deleted
                  ? random.instantWithin(OrganizationParts.RETIRED_FROM, Duration.ofDays(30))
                  : null));
    }
    return List.copyOf(keys);
  }

  private static List<String> models(SeededRandom random, boolean first) {
    String anchor = first ? ModelCatalog.FINE_TUNED_MODEL : ModelCatalog.HIGH_VOLUME_MODEL;
    List<String> others = new ArrayList<>(ModelCatalog.openAiModelIds());
    others.remove(ModelCatalog.FINE_TUNED_MODEL);
    others.remove(anchor);

    List<String> models = new ArrayList<>();
    models.add(anchor);
    models.addAll(random.pickDistinct(others, random.between(2, 4)));
    return List.copyOf(models);
  }

  private static List<UsageStream> streams(
      SeededRandom random,
      List<Project> projects,
      List<ApiKey> keys,
      List<Member> members,
      List<String> models,
      boolean first) {
    List<UsageStream> streams = new ArrayList<>();
    List<String> unused = new ArrayList<>(models);
    for (ApiKey key : keys) {
      int modelCount = random.between(1, Math.min(3, models.size()));
      for (String model : random.pickDistinct(models, modelCount)) {
        streams.add(keyStream(random, streams.size(), projects, key, model));
        unused.remove(model);
      }
    }
    for (String model : unused) {
      streams.add(keyStream(random, streams.size(), projects, keys.get(0), model));
    }

    String playgroundUser = members.get(0).id();
    String playgroundModel = models.get(models.size() - 1);
    streams.add(
        UsageStream.openAi(
            streams.size(),
            null,
            null,
            playgroundUser,
            playgroundModel,
            "default",
            false,
            ActivityProfiles.console(random),
            null));
    if (!first) {
      streams.add(highVolumeStream(streams.size(), keys.get(0)));
    }
    return List.copyOf(streams);
  }

  private static UsageStream keyStream(
      SeededRandom random, int index, List<Project> projects, ApiKey key, String model) {
    double tierRoll = random.between(0.0, 1.0);
    boolean batch = tierRoll < 0.15;
    String tier = tierRoll >= 0.15 && tierRoll < 0.25 ? "flex" : "default";
    ActivityProfile profile =
        batch
            ? ActivityProfiles.batch(random)
            : ActivityProfiles.interactive(random, SandboxProvider.OPENAI);
    String userId = key.serviceAccount() ? null : key.owner().id();
    Project project =
        projects.stream().filter(p -> p.id().equals(key.projectId())).findFirst().orElseThrow();
    return UsageStream.openAi(
        index,
        key.projectId(),
        key.id(),
        userId,
        model,
        tier,
        batch,
        profile,
        OrganizationParts.earliest(key.retiredAt(), project.archivedAt()));
  }

  private static UsageStream highVolumeStream(int index, ApiKey key) {
    return UsageStream.openAi(
        index,
        key.projectId(),
        key.id(),
        null,
        ModelCatalog.HIGH_VOLUME_MODEL,
        "default",
        true,
        ActivityProfiles.HIGH_VOLUME_BATCH,
        null);
  }
}
