package dev.reckon.web.auth;

import static dev.reckon.web.auth.ClerkSessionVerifierTest.rejection;
import static dev.reckon.web.auth.TestTokens.CLOCK;
import static dev.reckon.web.auth.TestTokens.NOW;
import static dev.reckon.web.auth.TestTokens.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.reckon.domain.access.Role;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.web.auth.UnauthenticatedException.Reason;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevTokensTest {

  private static final OrgSlug ACME = new OrgSlug("acme");

  @TempDir Path folder;

  private DevSigningKeys keys;
  private DevTokens tokens;

  @BeforeEach
  void createKeys() {
    keys = DevSigningKeys.loadOrCreate(folder);
    tokens = new DevTokens(keys, CLOCK);
  }

  @Test
  void issuedTokenPassesDevelopmentVerifier() {
    String token = tokens.issue("user_dev_alice", ACME, Role.ADMIN, DevTokens.DEFAULT_TTL);

    Caller caller =
        new ClerkSessionVerifier(AuthSettings.development(keys), CLOCK).verify(bearer(token));

    assertThat(caller.userId()).isEqualTo("user_dev_alice");
    assertThat(caller.sessionId()).startsWith("sess_dev_").hasSize(9 + 24);
    assertThat(caller.organization())
        .isEqualTo(new ActiveOrganization("org_dev_acme", "acme", Role.ADMIN));
  }

  @Test
  void issuedTokenHasVersion2Claims() {
    String token = tokens.issue("user_dev_bob", ACME, Role.MEMBER, Duration.ofMinutes(10));

    DecodedJWT jwt = JWT.decode(token);

    assertThat(jwt.getAlgorithm()).isEqualTo("RS256");
    assertThat(jwt.getIssuer()).isEqualTo("https://reckon.dev.invalid");
    assertThat(jwt.getClaim("v").asInt()).isEqualTo(2);
    assertThat(jwt.getClaim("o").asMap())
        .isEqualTo(Map.of("id", "org_dev_acme", "slg", "acme", "rol", "member"));
    assertThat(jwt.getIssuedAtAsInstant()).isEqualTo(NOW);
    assertThat(jwt.getNotBeforeAsInstant()).isEqualTo(NOW);
    assertThat(jwt.getExpiresAtAsInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
  }

  @Test
  void issuedTokenExpiresAfterTtl() {
    String token = tokens.issue("user_dev_alice", ACME, Role.ADMIN, Duration.ofHours(1));

    Clock later = Clock.fixed(NOW.plus(Duration.ofHours(1)).plusSeconds(6), ZoneOffset.UTC);
    ClerkSessionVerifier verifier = new ClerkSessionVerifier(AuthSettings.development(keys), later);

    assertThat(rejection(verifier, bearer(token)).reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void productionVerifierRejectsIssuedToken() {
    String token = tokens.issue("user_dev_alice", ACME, Role.ADMIN, DevTokens.DEFAULT_TTL);

    AuthSettings production = AuthSettings.fromPem(true, TestTokens.ISSUER, keys.publicKeyPem());
    ClerkSessionVerifier verifier = new ClerkSessionVerifier(production, CLOCK);

    assertThat(rejection(verifier, bearer(token)).reason()).isEqualTo(Reason.WRONG_ISSUER);
  }

  @Test
  void issueRejectsInvalidTtlAndUser() {
    Duration tooLong = Duration.ofHours(25);

    assertThatThrownBy(() -> tokens.issue("user_dev_alice", ACME, Role.ADMIN, tooLong))
        .hasMessage("token lifetime 'PT25H' is invalid: use a duration from PT1S to PT24H");
    assertThatThrownBy(() -> tokens.issue("user dev", ACME, Role.ADMIN, Duration.ofHours(1)))
        .hasMessage("user id 'user dev' is invalid: use 1 to 128 letters, digits, '_' and '-'");
  }

  @Test
  void defaultUserIdNamesOrgAndRole() {
    String admin = DevTokens.defaultUserId(ACME, Role.ADMIN);

    String member = DevTokens.defaultUserId(ACME, Role.MEMBER);

    assertThat(admin).isEqualTo("user_dev_acme_admin");
    assertThat(member).isEqualTo("user_dev_acme_member");
  }
}
