package dev.reckon.ports.testing;

import dev.reckon.domain.key.KeyHint;
import dev.reckon.domain.key.ProviderKeyStatus;
import dev.reckon.domain.shared.OrgId;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.SealedKey;
import dev.reckon.ports.out.WindowScope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Valid test data with fresh random ids and slugs, so tests can share one database without seeing
 * each other's rows.
 */
public final class Fixtures {

  private Fixtures() {}

  public static Organization organization() {
    return organization(ZoneId.of("Europe/Berlin"));
  }

  public static Organization organization(ZoneId timeZone) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    return new Organization(
        new OrgId(UUID.randomUUID()),
        new OrgSlug("test-" + suffix),
        "Test organization " + suffix,
        Plan.PRO,
        timeZone);
  }

  /** Returns an active key created at {@code createdAt}, sealed as obviously fake bytes. */
  public static ProviderKeyRecord providerKey(OrgId orgId, Provider provider, Instant createdAt) {
    ProviderKeyId id = new ProviderKeyId(UUID.randomUUID());
    return new ProviderKeyRecord(
        id,
        orgId,
        provider,
        "Test key",
        new KeyHint("FAKE"),
        ProviderKeyStatus.ACTIVE,
        null,
        new SealedKey(("sealed-FAKE-" + id).getBytes(StandardCharsets.UTF_8)),
        "user_FAKE",
        createdAt,
        null);
  }

  public static Instant at(String isoInstant) {
    return Instant.parse(isoInstant);
  }

  public static TimeWindow window(String start, String end) {
    return new TimeWindow(at(start), at(end));
  }

  public static WindowScope scope(ProviderKeyRecord key, String start, String end) {
    return new WindowScope(key.orgId(), key.id(), key.provider(), window(start, end));
  }
}
