package dev.reckon.web.auth;

import static dev.reckon.web.auth.TestTokens.APP_ORIGIN;
import static dev.reckon.web.auth.TestTokens.CLOCK;
import static dev.reckon.web.auth.TestTokens.KEYS;
import static dev.reckon.web.auth.TestTokens.NOW;
import static dev.reckon.web.auth.TestTokens.ORG_ID;
import static dev.reckon.web.auth.TestTokens.OTHER_KEYS;
import static dev.reckon.web.auth.TestTokens.SESSION_ID;
import static dev.reckon.web.auth.TestTokens.USER_ID;
import static dev.reckon.web.auth.TestTokens.bearer;
import static dev.reckon.web.auth.TestTokens.sign;
import static dev.reckon.web.auth.TestTokens.v1Claims;
import static dev.reckon.web.auth.TestTokens.v2Claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.reckon.domain.access.Role;
import dev.reckon.web.auth.UnauthenticatedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClerkSessionVerifierTest {

  private final ClerkSessionVerifier verifier =
      new ClerkSessionVerifier(TestTokens.pemSettings(), CLOCK);

  @Test
  void verifyReadsV2AdminToken() {
    String token = sign(v2Claims("admin"));

    Caller caller = verifier.verify(bearer(token));

    assertThat(caller)
        .isEqualTo(
            new Caller(USER_ID, SESSION_ID, new ActiveOrganization(ORG_ID, "acme", Role.ADMIN)));
    assertThat(caller.isOrganizationAdmin()).isTrue();
  }

  @Test
  void verifyReadsV2MemberToken() {
    String token = sign(v2Claims("member"));

    Caller caller = verifier.verify(bearer(token));

    assertThat(caller.organization())
        .isEqualTo(new ActiveOrganization(ORG_ID, "acme", Role.MEMBER));
    assertThat(caller.isOrganizationAdmin()).isFalse();
  }

  @Test
  void verifyReadsV1AdminToken() {
    String token = sign(v1Claims("org:admin"));

    Caller caller = verifier.verify(bearer(token));

    assertThat(caller)
        .isEqualTo(
            new Caller(USER_ID, SESSION_ID, new ActiveOrganization(ORG_ID, "acme", Role.ADMIN)));
  }

  @Test
  void verifyReadsV1MemberToken() {
    String token = sign(v1Claims("org:member"));

    Caller caller = verifier.verify(bearer(token));

    assertThat(caller.organization())
        .isEqualTo(new ActiveOrganization(ORG_ID, "acme", Role.MEMBER));
  }

  @Test
  void verifyGivesUnknownRolesNoAdminRights() {
    Map<String, Object> noRole = v2Claims("admin");
    ((Map<?, ?>) noRole.get("o")).remove("rol");

    Caller custom = verifier.verify(bearer(sign(v2Claims("billing_manager"))));
    Caller unprefixedV1 = verifier.verify(bearer(sign(v1Claims("admin"))));
    Caller customV1 = verifier.verify(bearer(sign(v1Claims("org:billing"))));
    Caller missing = verifier.verify(bearer(sign(noRole)));

    assertThat(custom.organization().role()).isEqualTo(Role.MEMBER);
    assertThat(custom.isOrganizationAdmin()).isFalse();
    assertThat(unprefixedV1.organization().role()).isEqualTo(Role.MEMBER);
    assertThat(customV1.organization().role()).isEqualTo(Role.MEMBER);
    assertThat(missing.organization().role()).isEqualTo(Role.MEMBER);
  }

  @Test
  void verifyReturnsNoOrganizationWithoutActiveOrg() {
    Map<String, Object> v2 = v2Claims("admin");
    v2.remove("o");
    Map<String, Object> v1 = v1Claims("org:admin");
    v1.remove("org_id");

    Caller fromV2 = verifier.verify(bearer(sign(v2)));
    Caller fromV1 = verifier.verify(bearer(sign(v1)));

    assertThat(fromV2).isEqualTo(Caller.withoutOrganization(USER_ID, SESSION_ID));
    assertThat(fromV2.hasActiveOrganization()).isFalse();
    assertThat(fromV2.activeOrganization()).isEmpty();
    assertThat(fromV2.isOrganizationAdmin()).isFalse();
    assertThat(fromV1).isEqualTo(Caller.withoutOrganization(USER_ID, SESSION_ID));
  }

  @Test
  void verifyRejectsTamperedPayload() {
    String[] parts = sign(v2Claims("member")).split("\\.");
    String adminPayload =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                    .replace("\"member\"", "\"admin\"")
                    .getBytes(StandardCharsets.UTF_8));

    String tampered = parts[0] + "." + adminPayload + "." + parts[2];

    assertRejected(bearer(tampered), Reason.BAD_SIGNATURE);
  }

  @Test
  void verifyRejectsSignatureOfOtherKey() {
    String token = sign(v2Claims("admin"), TestTokens.rs256(OTHER_KEYS));

    UnauthenticatedException thrown = rejection(verifier, bearer(token));

    assertThat(thrown.reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void verifyRejectsUnsignedToken() {
    String token = sign(v2Claims("admin"), Algorithm.none());

    String header = bearer(token);

    assertRejected(header, Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verifyRejectsHs256KeyedWithPublicKey() {
    byte[] derKey = KEYS.getPublic().getEncoded();
    byte[] pemKey = TestTokens.publicKeyPem(KEYS).getBytes(StandardCharsets.US_ASCII);

    String withDer = sign(v2Claims("admin"), Algorithm.HMAC256(derKey));
    String withPem = sign(v2Claims("admin"), Algorithm.HMAC256(pemKey));

    assertRejected(bearer(withDer), Reason.UNSUPPORTED_ALGORITHM);
    assertRejected(bearer(withPem), Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verifyRejectsOtherRsaAlgorithms() {
    RSAPublicKey publicKey = (RSAPublicKey) KEYS.getPublic();
    RSAPrivateKey privateKey = (RSAPrivateKey) KEYS.getPrivate();

    String rs512 = sign(v2Claims("admin"), Algorithm.RSA512(publicKey, privateKey));

    assertRejected(bearer(rs512), Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void verifyRejectsExpiredBeyondLeeway() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("exp", NOW.getEpochSecond() - 10);

    String token = sign(claims);

    assertRejected(bearer(token), Reason.EXPIRED);
  }

  @Test
  void verifyAcceptsExpiredWithinLeeway() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("exp", NOW.getEpochSecond() - 4);

    Caller caller = verifier.verify(bearer(sign(claims)));

    assertThat(caller.userId()).isEqualTo(USER_ID);
  }

  @Test
  void verifyRejectsNotBeforeBeyondLeeway() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("nbf", NOW.getEpochSecond() + 10);

    String token = sign(claims);

    assertRejected(bearer(token), Reason.NOT_YET_VALID);
  }

  @Test
  void verifyAcceptsNotBeforeWithinLeeway() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("nbf", NOW.getEpochSecond() + 5);
    claims.put("iat", NOW.getEpochSecond() + 5);

    Caller caller = verifier.verify(bearer(sign(claims)));

    assertThat(caller.userId()).isEqualTo(USER_ID);
  }

  @Test
  void verifyRejectsIssuedInFutureBeyondLeeway() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("iat", NOW.getEpochSecond() + 6);

    String token = sign(claims);

    assertRejected(bearer(token), Reason.NOT_YET_VALID);
  }

  @Test
  void verifyAppliesConfiguredLeeway() {
    ClerkSessionVerifier strict =
        new ClerkSessionVerifier(TestTokens.pemSettings().withLeeway(Duration.ZERO), CLOCK);
    Map<String, Object> claims = v2Claims("admin");
    claims.put("exp", NOW.getEpochSecond() - 1);

    UnauthenticatedException thrown = rejection(strict, bearer(sign(claims)));

    assertThat(thrown.reason()).isEqualTo(Reason.EXPIRED);
  }

  @Test
  void verifyRejectsTokenWithoutExpiration() {
    Map<String, Object> claims = v2Claims("admin");
    claims.remove("exp");

    String token = sign(claims);

    assertRejected(bearer(token), Reason.MISSING_EXPIRATION);
  }

  @Test
  void verifyRejectsWrongIssuer() {
    Map<String, Object> otherInstance = v2Claims("admin");
    otherInstance.put("iss", "https://fake-dev.clerk.accounts.dev.invalid");
    Map<String, Object> development = v2Claims("admin");
    development.put("iss", AuthSettings.DEVELOPMENT_ISSUER);

    Map<String, Object> missing = v2Claims("admin");
    missing.remove("iss");

    assertRejected(bearer(sign(otherInstance)), Reason.WRONG_ISSUER);
    assertRejected(bearer(sign(development)), Reason.WRONG_ISSUER);
    assertRejected(bearer(sign(missing)), Reason.WRONG_ISSUER);
  }

  @Test
  void verifyRejectsIssuerDifferingOnlyByTrailingSlash() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("iss", TestTokens.ISSUER + "/");

    String token = sign(claims);

    assertRejected(bearer(token), Reason.WRONG_ISSUER);
  }

  @Test
  void verifyRejectsAuthorizedPartyNotAllowed() {
    ClerkSessionVerifier withParties =
        new ClerkSessionVerifier(
            TestTokens.pemSettings().withAuthorizedParties(Set.of(APP_ORIGIN)), CLOCK);
    Map<String, Object> claims = v2Claims("admin");
    claims.put("azp", "https://evil.reckon-test.invalid");

    UnauthenticatedException thrown = rejection(withParties, bearer(sign(claims)));

    assertThat(thrown.reason()).isEqualTo(Reason.UNAUTHORIZED_PARTY);
  }

  @Test
  void verifyAcceptsAllowedAuthorizedParty() {
    ClerkSessionVerifier withParties =
        new ClerkSessionVerifier(
            TestTokens.pemSettings().withAuthorizedParties(Set.of(APP_ORIGIN)), CLOCK);
    Map<String, Object> claims = v2Claims("admin");
    claims.put("azp", APP_ORIGIN);

    Caller caller = withParties.verify(bearer(sign(claims)));

    assertThat(caller.userId()).isEqualTo(USER_ID);
  }

  @Test
  void verifyRejectsAnyAuthorizedPartyWhenNoneConfigured() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("azp", APP_ORIGIN);

    String token = sign(claims);

    assertRejected(bearer(token), Reason.UNAUTHORIZED_PARTY);
  }

  @Test
  void verifyRejectsNonTextAuthorizedParty() {
    ClerkSessionVerifier withParties =
        new ClerkSessionVerifier(
            TestTokens.pemSettings().withAuthorizedParties(Set.of(APP_ORIGIN)), CLOCK);
    Map<String, Object> claims = v2Claims("admin");
    claims.put("azp", 42);

    UnauthenticatedException thrown = rejection(withParties, bearer(sign(claims)));

    assertThat(thrown.reason()).isEqualTo(Reason.UNAUTHORIZED_PARTY);
  }

  @Test
  void verifyAppliesMissingAuthorizedPartySetting() {
    String token = sign(v2Claims("admin"));
    ClerkSessionVerifier strict =
        new ClerkSessionVerifier(
            TestTokens.pemSettings().withMissingAuthorizedPartyAccepted(false), CLOCK);

    Caller byDefault = verifier.verify(bearer(token));
    UnauthenticatedException thrown = rejection(strict, bearer(token));

    assertThat(byDefault.userId()).isEqualTo(USER_ID);
    assertThat(thrown.reason()).isEqualTo(Reason.UNAUTHORIZED_PARTY);
  }

  @Test
  void verifyRejectsTokenWithoutSessionId() {
    Map<String, Object> claims = v2Claims("admin");
    claims.remove("sid");

    String token = sign(claims);

    assertRejected(bearer(token), Reason.MISSING_SESSION_ID);
  }

  @Test
  void verifyRejectsTokenWithoutSubject() {
    Map<String, Object> missing = v2Claims("admin");
    missing.remove("sub");
    Map<String, Object> blank = v2Claims("admin");
    blank.put("sub", " ");

    Map<String, Object> numeric = v2Claims("admin");
    numeric.put("sub", 12345);

    assertRejected(bearer(sign(missing)), Reason.MISSING_SUBJECT);
    assertRejected(bearer(sign(blank)), Reason.MISSING_SUBJECT);
    assertRejected(bearer(sign(numeric)), Reason.MISSING_SUBJECT);
  }

  @Test
  void verifyRejectsPendingSession() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("sts", "pending");

    String token = sign(claims);

    assertRejected(bearer(token), Reason.PENDING_SESSION);
  }

  @Test
  void verifyChecksSessionStatus() {
    Map<String, Object> active = v2Claims("admin");
    active.put("sts", "active");
    Map<String, Object> unknown = v2Claims("admin");
    unknown.put("sts", "abandoned");

    Caller caller = verifier.verify(bearer(sign(active)));

    assertThat(caller.userId()).isEqualTo(USER_ID);
    assertRejected(bearer(sign(unknown)), Reason.INACTIVE_SESSION);
  }

  @Test
  void verifyRejectsUnknownVersion() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("v", 3);

    String token = sign(claims);

    assertRejected(bearer(token), Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void verifyRejectsMalformedOrganization() {
    Map<String, Object> withoutId = v2Claims("admin");
    ((Map<?, ?>) withoutId.get("o")).remove("id");
    Map<String, Object> notObject = v2Claims("admin");
    notObject.put("o", "org_FAKE_2ghi");

    Map<String, Object> numericV1 = v1Claims("org:admin");
    numericV1.put("org_id", 7);

    assertRejected(bearer(sign(withoutId)), Reason.MALFORMED_ORGANIZATION);
    assertRejected(bearer(sign(notObject)), Reason.MALFORMED_ORGANIZATION);
    assertRejected(bearer(sign(numericV1)), Reason.MALFORMED_ORGANIZATION);
  }

  @Test
  void verifyRejectsMissingOrMalformedHeader() {
    String token = sign(v2Claims("admin"));

    String tooLong = "Bearer " + "a".repeat(BearerToken.MAX_TOKEN_CHARS) + ".b.c";

    assertRejected(null, Reason.MISSING_HEADER);
    assertRejected("", Reason.MISSING_HEADER);
    assertRejected("   ", Reason.MISSING_HEADER);
    assertRejected(token, Reason.MALFORMED_HEADER);
    assertRejected("Basic dXNlcjpGQUtF", Reason.MALFORMED_HEADER);
    assertRejected("Bearer", Reason.MALFORMED_HEADER);
    assertRejected("Bearer    ", Reason.MALFORMED_HEADER);
    assertRejected("Bearer" + token, Reason.MALFORMED_HEADER);
    assertRejected("Bearer garbage", Reason.MALFORMED_TOKEN);
    assertRejected("Bearer a.b.c", Reason.MALFORMED_TOKEN);
    assertRejected("Bearer ..", Reason.MALFORMED_TOKEN);
    assertRejected("Bearer " + token + " extra", Reason.MALFORMED_TOKEN);
    assertRejected("Bearer " + token.replace('.', '!'), Reason.MALFORMED_TOKEN);
    assertRejected(tooLong, Reason.MALFORMED_TOKEN);
  }

  @Test
  void verifyAcceptsSchemeInAnyCase() {
    String token = sign(v2Claims("admin"));

    Caller caller = verifier.verify("bearer " + token);

    assertThat(caller.userId()).isEqualTo(USER_ID);
  }

  @Test
  void rejectionMessageIsFixedAndOmitsToken() {
    Map<String, Object> claims = v2Claims("admin");
    claims.put("exp", NOW.getEpochSecond() - 60);
    String token = sign(claims);

    UnauthenticatedException thrown = rejection(verifier, bearer(token));

    assertThat(thrown).hasMessage("the session token has expired").hasNoCause();
    assertThat(thrown.getMessage()).doesNotContain(token.substring(0, 10));
  }

  @Test
  void verifyWithPemKeyIgnoresMissingKeyId() {
    String token = JWT.create().withPayload(v2Claims("admin")).sign(TestTokens.rs256(KEYS));

    Caller caller = verifier.verify(bearer(token));

    assertThat(caller.userId()).isEqualTo(USER_ID);
  }

  private void assertRejected(String header, Reason reason) {
    UnauthenticatedException thrown = rejection(verifier, header);

    assertThat(thrown.reason()).isEqualTo(reason);
    assertThat(thrown).hasMessage(reason.message());
  }

  static UnauthenticatedException rejection(SessionVerifier verifier, String header) {
    UnauthenticatedException thrown =
        catchThrowableOfType(UnauthenticatedException.class, () -> verifier.verify(header));
    assertThat(thrown)
        .as("rejection of a header of %s characters", header == null ? 0 : header.length())
        .isNotNull();
    return thrown;
  }
}
