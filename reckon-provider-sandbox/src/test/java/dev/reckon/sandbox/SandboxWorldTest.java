package dev.reckon.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxWorldTest {

  private static final String KEY_CHARACTERS = "[A-Za-z0-9_-]{30,80}";

  @Test
  void sameSeedBuildsSameWorld() {
    SandboxWorld first = SandboxWorld.create(42, SandboxHttp.CLOCK);
    SandboxWorld second = SandboxWorld.create(42, SandboxHttp.CLOCK);

    assertThat(second.adminKeys()).isEqualTo(first.adminKeys());
    assertThat(second.nonAdminKey(SandboxProvider.OPENAI))
        .isEqualTo(first.nonAdminKey(SandboxProvider.OPENAI));
  }

  @Test
  void otherSeedBuildsOtherKeys() {
    SandboxWorld first = SandboxWorld.create(42, SandboxHttp.CLOCK);
    SandboxWorld second = SandboxWorld.create(43, SandboxHttp.CLOCK);

    assertThat(second.adminKeys().get(0).key()).isNotEqualTo(first.adminKeys().get(0).key());
  }

  @Test
  void adminKeysHaveRealPrefixesAndSafeCharacters() {
    SandboxWorld world = SandboxWorld.create(42, SandboxHttp.CLOCK);

    List<SandboxAdminKey> keys = world.adminKeys();

    assertThat(keys)
        .extracting(SandboxAdminKey::provider)
        .containsExactly(
            SandboxProvider.OPENAI,
            SandboxProvider.OPENAI,
            SandboxProvider.ANTHROPIC,
            SandboxProvider.ANTHROPIC);
    assertThat(keys).allMatch(key -> key.key().matches(KEY_CHARACTERS));
    assertThat(keys.subList(0, 2)).allMatch(key -> key.key().startsWith("sk-admin-sandbox-"));
    assertThat(keys.subList(2, 4)).allMatch(key -> key.key().startsWith("sk-ant-admin01-sandbox-"));
    assertThat(world.nonAdminKey(SandboxProvider.OPENAI))
        .matches("sk-proj-sandbox-" + "[A-Za-z0-9]{32}");
    assertThat(world.nonAdminKey(SandboxProvider.ANTHROPIC))
        .matches("sk-ant-api03-sandbox-[A-Za-z0-9]{32}");
    assertThat(keys).extracting(SandboxAdminKey::organizationId).doesNotHaveDuplicates();
  }

  @Test
  void adminKeyTextShowsOnlyLastFour() {
    SandboxAdminKey key = SandboxWorld.create(42, SandboxHttp.CLOCK).adminKeys().get(0);

    String text = key.toString();

    assertThat(text).doesNotContain(key.key().substring(0, key.key().length() - 4));
    assertThat(text).contains("key=…" + key.key().substring(key.key().length() - 4));
  }

  @Test
  void organizationsHaveRealisticShape() {
    SandboxWorld world = SandboxWorld.create(42, SandboxHttp.CLOCK);

    for (Organization org : world.organizations()) {
      long listedKeys =
          org.apiKeys().stream()
              .filter(
                  key ->
                      org.provider() == SandboxProvider.ANTHROPIC
                          || !key.isRetiredAt(SandboxHttp.NOW))
              .count();
      assertThat(org.projects()).hasSizeBetween(2, 4);
      assertThat(listedKeys).isBetween(3L, 6L);
      assertThat(org.models()).hasSizeBetween(3, 5);
      assertThat(org.streams()).extracting(UsageStream::model).containsAll(org.models());
    }
    assertThat(world.organizations().get(0).models())
        .contains("ft:gpt-4.1-mini-2025-04-14:sandbox::FAKE01");
    assertThat(world.organizations().get(0).projects())
        .filteredOn(project -> project.isArchivedAt(SandboxHttp.NOW))
        .hasSize(1);
  }

  @Test
  void hourUsageDoesNotDependOnTheClock() {
    Clock later = Clock.offset(SandboxHttp.CLOCK, Duration.ofDays(100));
    SandboxWorld now = SandboxWorld.create(42, SandboxHttp.CLOCK);
    SandboxWorld hundredDaysLater = SandboxWorld.create(42, later);
    String orgId = now.adminKeys().get(2).organizationId();
    LocalDate day = LocalDate.of(2026, 3, 17);

    assertThat(hundredDaysLater.dailyTokens(orgId, day)).isEqualTo(now.dailyTokens(orgId, day));
    assertThat(hundredDaysLater.dailyCostUsd(orgId, day)).isEqualTo(now.dailyCostUsd(orgId, day));
    assertThat(now.dailyTokens(orgId, day)).isNotEmpty();
  }

  @Test
  void historyCoversThe400DaysBeforeTheCurrentHour() {
    SandboxWorld world = SandboxWorld.create(42, SandboxHttp.CLOCK);
    String orgId = world.adminKeys().get(0).organizationId();

    assertThat(world.historyEnd()).isEqualTo(SandboxHttp.NOW.minusSeconds(27 * 60 + 41));
    assertThat(world.historyStart()).isEqualTo(world.historyEnd().minus(Duration.ofDays(400)));
    assertThat(world.dailyTokens(orgId, LocalDate.of(2025, 10, 15))).isEmpty();
    assertThat(world.dailyTokens(orgId, LocalDate.of(2026, 11, 21))).isEmpty();
    assertThat(LocalDate.ofInstant(world.historyStart(), ZoneOffset.UTC))
        .isEqualTo(LocalDate.of(2025, 10, 16));
  }

  @Test
  void unknownOrganizationIsRejected() {
    SandboxWorld world = SandboxWorld.create(42, SandboxHttp.CLOCK);

    assertThatThrownBy(() -> world.dailyCostUsd("org-nope", LocalDate.of(2026, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'organizationId' is not a sandbox organization (was org-nope)");
  }
}
