package dev.reckon.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the seeded Anthropic organizations. */
final class AnthropicOrganizations {

  static final int COUNT = 2;

  private static final List<String> NAMES =
      List.of("Fernhill Software", "Quarry Logistics", "Lumen Legal", "Harbor Media");

  private static final List<String> COLORS =
      List.of("#6C5BB9", "#D97757", "#2E7D32", "#1565C0", "#AD1457");

  private AnthropicOrganizations() {}

  /**
   * Builds organization {@code index}. The first one has an archived workspace and an archived key;
   * every one has keys in the default workspace and Workbench usage without a key.
   */
  static Organization build(long seed, int index) {
    SeededRandom random = new SeededRandom(Hashing.hash(seed, 2, index));
    boolean first = index == 0;

    String id = random.uuid();
    String name = NAMES.get(index * 2 + random.between(0, 1));
    String adminKey = "sk-ant-admin01-sandbox-" + random.alphanumeric(32);
    List<Member> members = OrganizationParts.members(random, "user_01", 22);
    List<Project> workspaces = workspaces(random, first);
    List<ApiKey> keys = apiKeys(random, workspaces, members, first);
    List<String> models = models(random);
    List<UsageStream> streams = streams(random, workspaces, keys, models);

    return new Organization(
        SandboxProvider.ANTHROPIC,
        index,
        id,
        name,
        adminKey,
        first ? -8 : 9,
        members,
        workspaces,
        keys,
        models,
        streams,
        null);
  }

  private static List<Project> workspaces(SeededRandom random, boolean withArchived) {
    int count = random.between(2, 4);
    List<Project> workspaces = new ArrayList<>();
    for (String name : random.pickDistinct(OrganizationParts.PROJECT_NAMES, count)) {
      boolean archived = withArchived && workspaces.size() == count - 1;
      workspaces.add(
          new Project(
              "wrkspc_01" + random.alphanumeric(22),
              name,
              OrganizationParts.createdAt(random),
              archived
                  ? random.instantWithin(OrganizationParts.ARCHIVED_FROM, Duration.ofDays(60))
                  : null,
              random.pick(COLORS)));
    }
    return List.copyOf(workspaces);
  }

  /** Creates keys; the first one lives in the default workspace, whose id is null. */
  private static List<ApiKey> apiKeys(
      SeededRandom random, List<Project> workspaces, List<Member> members, boolean withArchived) {
    int count = random.between(3, 6);
    List<ApiKey> keys = new ArrayList<>();
    for (String name : random.pickDistinct(OrganizationParts.KEY_NAMES, count)) {
      int slot = keys.size();
      String workspaceId = slot == 0 ? null : workspaces.get((slot - 1) % workspaces.size()).id();
      boolean archived = withArchived && slot == count - 1;
      String hint = "sk-ant-api03-" + random.alphanumeric(3) + "..." + random.alphanumeric(4);
      keys.add(
          new ApiKey(
              "apikey_01" + random.alphanumeric(22),
              name,
              workspaceId,
              hint,
              OrganizationParts.createdAt(random),
              random.pick(members),
              false,
              archived
                  ? random.instantWithin(OrganizationParts.RETIRED_FROM, Duration.ofDays(30))
                  : null));
    }
    return List.copyOf(keys);
  }

  private static List<String> models(SeededRandom random) {
    List<String> others = new ArrayList<>(ModelCatalog.anthropicModelIds());
    others.remove(ModelCatalog.LONG_CONTEXT_MODEL);

    List<String> models = new ArrayList<>();
    models.add(ModelCatalog.LONG_CONTEXT_MODEL);
    models.addAll(random.pickDistinct(others, random.between(2, 3)));
    return List.copyOf(models);
  }

  private static List<UsageStream> streams(
      SeededRandom random, List<Project> workspaces, List<ApiKey> keys, List<String> models) {
    List<UsageStream> streams = new ArrayList<>();
    List<String> unused = new ArrayList<>(models);
    for (ApiKey key : keys) {
      int modelCount = random.between(1, Math.min(3, models.size()));
      for (String model : random.pickDistinct(models, modelCount)) {
        streams.add(keyStream(random, streams.size(), workspaces, key, model));
        unused.remove(model);
      }
    }
    for (String model : unused) {
      streams.add(keyStream(random, streams.size(), workspaces, keys.get(0), model));
    }

    streams.add(
        UsageStream.anthropic(
            streams.size(),
            null,
            null,
            models.get(models.size() - 1),
            "standard",
            "0-200k",
            ActivityProfiles.console(random),
            null));
    return List.copyOf(streams);
  }

  private static UsageStream keyStream(
      SeededRandom random, int index, List<Project> workspaces, ApiKey key, String model) {
    double roll = random.between(0.0, 1.0);
    boolean batch = roll < 0.15;
    boolean longContext = !batch && roll < 0.35 && model.equals(ModelCatalog.LONG_CONTEXT_MODEL);
    ActivityProfile profile;
    if (batch) {
      profile = ActivityProfiles.batch(random);
    } else if (longContext) {
      profile = ActivityProfiles.longContext(random);
    } else {
      profile = ActivityProfiles.interactive(random, SandboxProvider.ANTHROPIC);
    }
    Instant archivedAt =
        workspaces.stream()
            .filter(workspace -> workspace.id().equals(key.projectId()))
            .findFirst()
            .map(Project::archivedAt)
            .orElse(null);
    return UsageStream.anthropic(
        index,
        key.projectId(),
        key.id(),
        model,
        batch ? "batch" : "standard",
        longContext ? "200k-1M" : "0-200k",
        profile,
        OrganizationParts.earliest(key.retiredAt(), archivedAt));
  }
}
