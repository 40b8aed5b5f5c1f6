package dev.reckon.ports.service;

import static dev.reckon.ports.testing.UsageBucketBuilder.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.usage.Dataset;
import dev.reckon.domain.usage.EntityName;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.in.IngestCommand;
import dev.reckon.ports.in.IngestionProgress;
import dev.reckon.ports.in.IngestionResult;
import dev.reckon.ports.out.KeyOpener;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.ProviderKeyRejectedException;
import dev.reckon.ports.out.ProviderResponseInvalidException;
import dev.reckon.ports.out.ProviderUnavailableException;
import dev.reckon.ports.testing.Fixtures;
import dev.reckon.ports.testing.InMemoryOrganizationRepository;
import dev.reckon.ports.testing.InMemoryProviderKeyRepository;
import dev.reckon.ports.testing.InMemoryUsageRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestProviderKeyServiceTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:34:56Z");
  private static final IngestionSettings SETTINGS =
      new IngestionSettings(10, Duration.ofHours(48), Duration.ofDays(7), Duration.ofDays(4));

  private final InMemoryOrganizationRepository organizations = new InMemoryOrganizationRepository();
  private final InMemoryProviderKeyRepository keys = new InMemoryProviderKeyRepository();
  private final InMemoryUsageRepository usage = new InMemoryUsageRepository();
  private final ScriptedUsageSource source = new ScriptedUsageSource();
  private final List<SecretBytes> openedKeys = new ArrayList<>();
  private final List<IngestionProgress.Event> events = new ArrayList<>();
  private final KeyOpener opener =
      (envelope, binding) -> {
        SecretBytes key =
            SecretBytes.copyOf("sk-admin-FAKE-opened-0000000000".getBytes(StandardCharsets.UTF_8));
        openedKeys.add(key);
        return key;
      };
  private IngestProviderKeyService service;
  private ProviderKeyRecord key;

  @BeforeEach
  void setUp() {
    Organization organization = Fixtures.organization();
    organizations.insert(organization);
    key = Fixtures.providerKey(organization.id(), Provider.OPENAI, NOW.minus(Duration.ofDays(1)));
    keys.insert(key);
    service =
        new IngestProviderKeyService(
            keys,
            organizations,
            usage,
            opener,
            List.of(source),
            Clock.fixed(NOW, ZoneOffset.UTC),
            SETTINGS);
  }

  @Test
  void firstRunBackfillsInChunksAndMovesWatermarks() {
    IngestionResult result = ingest();

    assertThat(result.outcome()).isEqualTo(IngestionResult.Outcome.INGESTED);
    assertThat(source.usageWindows)
        .extracting(TimeWindow::start)
        .containsExactly(
            Instant.parse("2026-11-21T00:00:00Z"),
            Instant.parse("2026-11-25T00:00:00Z"),
            Instant.parse("2026-11-29T00:00:00Z"));
    assertThat(usage.watermark(key.orgId(), key.id(), Dataset.USAGE))
        .contains(Instant.parse("2026-11-30T12:00:00Z"));
    assertThat(usage.watermark(key.orgId(), key.id(), Dataset.COST))
        .contains(Instant.parse("2026-11-30T00:00:00Z"));
    assertThat(keys.find(key.orgId(), key.id()).orElseThrow().lastSuccessAt()).isEqualTo(NOW);
  }

  @Test
  void progressReachesEveryDayOfEachDataset() {
    ingest();

    IngestionProgress.Event lastUsage = lastEvent(Dataset.USAGE);
    assertThat(lastUsage.daysDone()).isEqualTo(lastUsage.daysTotal()).isEqualTo(10);
    assertThat(lastUsage.hint().display()).isEqualTo("…FAKE");
    assertThat(lastEvent(Dataset.COST).daysDone()).isEqualTo(9);
  }

  @Test
  void rejectedKeyIsParkedWithoutFetchingUsage() {
    source.namesFailure =
        new ProviderKeyRejectedException(
            Provider.OPENAI, 401, "invalid_api_key", "req_FAKE", "the key was revoked");

    IngestionResult result = ingest();

    assertThat(result.outcome()).isEqualTo(IngestionResult.Outcome.KEY_REJECTED);
    assertThat(result.detail()).isEqualTo("the key was revoked");
    ProviderKeyRecord stored = keys.find(key.orgId(), key.id()).orElseThrow();
    assertThat(stored.status()).isEqualTo(ProviderKeyStatus.NEEDS_ATTENTION);
    assertThat(stored.attentionReason()).isEqualTo("the key was revoked");
    assertThat(source.usageWindows).isEmpty();
  }

  @Test
  void parkedKeyIsSkippedWithoutOpeningIt() {
    keys.markNeedsAttention(key.orgId(), key.id(), "the key was revoked");

    IngestionResult result = ingest();

    assertThat(result.outcome()).isEqualTo(IngestionResult.Outcome.SKIPPED);
    assertThat(openedKeys).isEmpty();
  }

  @Test
  void failedChunkCommitsNothingAndKeepsEarlierChunks() {
    Instant secondChunk = Instant.parse("2026-11-25T00:00:00Z");
    source.usage =
        window -> {
          if (window.start().equals(secondChunk)) {
            throw new ProviderUnavailableException(
                Provider.OPENAI, 503, null, null, "unavailable", null);
          }
          return List.of(usage().at(window.start()).model("gpt-4.1").tokens(10, 1).build());
        };

    assertThatThrownBy(this::ingest).isInstanceOf(ProviderUnavailableException.class);

    assertThat(usage.watermark(key.orgId(), key.id(), Dataset.USAGE)).contains(secondChunk);
    assertThat(usage.storedUsage(key.orgId(), key.id()))
        .extracting(UsageBucket::start)
        .containsExactly(Instant.parse("2026-11-21T00:00:00Z"));
  }

  @Test
  void duplicateBucketsFromProviderAreAddedUp() {
    Instant hour = Instant.parse("2026-11-29T10:00:00Z");
    source.usage =
        window ->
            window.contains(hour)
                ? List.of(
                    usage().at(hour).model("gpt-4.1").tokens(10, 1).requests(2L).build(),
                    usage().at(hour).model("gpt-4.1").tokens(5, 4).requests(3L).build())
                : List.of();

    ingest();

    UsageBucket stored = usage.storedUsage(key.orgId(), key.id()).get(0);
    assertThat(stored.tokens().uncachedInput()).isEqualTo(15);
    assertThat(stored.tokens().output()).isEqualTo(5);
    assertThat(stored.requests()).isEqualTo(5L);
  }

  @Test
  void bucketOutsideTheWindowFailsTheRun() {
    source.usage =
        window -> List.of(usage().at(window.end()).model("gpt-4.1").tokens(1, 1).build());

    assertThatThrownBy(this::ingest)
        .isInstanceOf(ProviderResponseInvalidException.class)
        .hasMessageStartingWith(
            "openai: returned a bucket starting at 2026-11-25T00:00:00Z, outside the requested window");
    assertThat(usage.watermark(key.orgId(), key.id(), Dataset.USAGE)).isEmpty();
  }

  @Test
  void namesFailureDoesNotStopIngestion() {
    source.namesFailure =
        new ProviderResponseInvalidException(
            Provider.OPENAI, 404, null, "req_FAKE", "not found", null);

    IngestionResult result = ingest();

    assertThat(result.outcome()).isEqualTo(IngestionResult.Outcome.INGESTED);
    assertThat(result.detail())
        .isEqualTo("names not refreshed: openai: not found (HTTP 404, request id req_FAKE)");
  }

  @Test
  void namesAreStored() {
    source.names = List.of(new EntityName(EntityName.Kind.API_KEY, "key_FAKE1", "ci key"));

    ingest();

    assertThat(usage.names(key.orgId())).containsEntry("key_FAKE1", "ci key");
  }

  @Test
  void openedKeyIsZeroedAfterSuccessAndFailure() {
    ingest();
    source.usage =
        window -> {
          throw new ProviderUnavailableException(Provider.OPENAI, 500, null, null, "failed", null);
        };
    assertThatThrownBy(this::ingest).isInstanceOf(ProviderUnavailableException.class);

    assertThat(openedKeys).hasSize(2).allMatch(SecretBytes::isDestroyed);
    assertThat(source.keyWasLiveOnEveryCall).isTrue();
  }

  private IngestionResult ingest() {
    return service.ingest(new IngestCommand(key.orgId(), key.id(), events::add));
  }

  private IngestionProgress.Event lastEvent(Dataset dataset) {
    return events.stream()
        .filter(event -> event.dataset() == dataset)
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
