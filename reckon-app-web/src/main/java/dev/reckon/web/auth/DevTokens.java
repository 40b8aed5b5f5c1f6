package dev.reckon.web.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.reckon.domain.access.Role;
import dev.reckon.domain.tenant.OrgSlug;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Issues development sign-in tokens: Clerk version 2 session tokens signed with the {@link
 * DevSigningKeys} and issued by {@link AuthSettings#DEVELOPMENT_ISSUER}, which only a verifier
 * built from {@link AuthSettings#development} accepts.
 */
public final class DevTokens {

  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  public static final Duration MAX_TTL = Duration.ofHours(24);

  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private final Algorithm rs256;
  private final Clock clock;
  private final SecureRandom random;

  public DevTokens(DevSigningKeys keys, Clock clock) {
    this(keys, clock, new SecureRandom());
  }

  DevTokens(DevSigningKeys keys, Clock clock, SecureRandom random) {
    Objects.requireNonNull(keys, "keys");
    this.rs256 = Algorithm.RSA256(keys.publicKey(), keys.privateKey());
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /** Returns the user id a token gets when none is chosen: {@code user_dev_<slug>_<role>}. */
  public static String defaultUserId(OrgSlug org, Role role) {
    return "user_dev_" + org.value() + "_" + role.name().toLowerCase(Locale.ROOT);
  }

  /**
   * Issues a token for {@code userId} with the active organization {@code org_dev_<slug>} and
   * {@code role}, valid from now for {@code ttl}. Each token gets a new random session id.
   */
  public String issue(String userId, OrgSlug org, Role role, Duration ttl) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(role, "role");
    requireTtl(ttl);
    requireUserId(userId);

    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> organization =
        Map.of(
            "id",
            "org_dev_" + org.value(),
            "slg",
            org.value(),
            "rol",
            role == Role.ADMIN ? "admin" : "member");
    return JWT.create()
        .withIssuer(AuthSettings.DEVELOPMENT_ISSUER)
        .withSubject(userId)
        .withClaim("sid", "sess_dev_" + randomHex())
        .withJWTId(randomHex())
        .withIssuedAt(now)
        .withNotBefore(now)
        .withExpiresAt(now.plus(ttl))
        .withClaim("v", 2)
        .withClaim("o", organization)
        .sign(rs256);
  }

  static void requireUserId(String userId) {
    if (!USER_ID.matcher(userId).matches()) {
      throw new IllegalArgumentException(
          "user id '" + userId + "' is invalid: use 1 to 128 letters, digits, '_' and '-'");
    }
  }

  static void requireTtl(Duration ttl) {
    Objects.requireNonNull(ttl, "ttl");
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException(
          "token lifetime '" + ttl + "' is invalid: use a duration from PT1S to PT24H");
    }
  }

  private String randomHex() {
    byte[] bytes = new byte[12];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
