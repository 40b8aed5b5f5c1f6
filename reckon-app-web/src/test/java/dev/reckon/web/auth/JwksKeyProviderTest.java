package dev.reckon.web.auth;

import static dev.reckon.web.auth.ClerkSessionVerifierTest.rejection;
import static dev.reckon.web.auth.TestTokens.CLOCK;
import static dev.reckon.web.auth.TestTokens.ISSUER;
import static dev.reckon.web.auth.TestTokens.KEYS;
import static dev.reckon.web.auth.TestTokens.KEY_ID;
import static dev.reckon.web.auth.TestTokens.USER_ID;
import static dev.reckon.web.auth.TestTokens.bearer;
import static dev.reckon.web.auth.TestTokens.v2Claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.auth0.jwt.JWT;
import dev.reckon.web.auth.UnauthenticatedException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwksKeyProviderTest {

  private static final String JWKS_PATH = "/.well-known/jwks.json";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void startServer() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void verifyFetchesJwksOnceForManyTokens() throws InterruptedException {
    serve(200, TestTokens.jwks(KEY_ID, "sig", KEYS));
    ClerkSessionVerifier verifier = verifier(jwks(10));

    for (int i = 0; i < 25; i++) {
      assertThat(verifier.verify(bearer(TestTokens.sign(v2Claims("admin")))).userId())
          .isEqualTo(USER_ID);
    }

    assertThat(server.getRequestCount()).isEqualTo(1);
    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo(JWKS_PATH);
  }

  @Test
  void verifyRateLimitsFetchesForUnknownKeyIds() {
    serve(200, TestTokens.jwks(KEY_ID, "sig", KEYS));
    ClerkSessionVerifier verifier = verifier(jwks(3));
    verifier.verify(bearer(TestTokens.sign(v2Claims("admin"))));

    for (int i = 0; i < 20; i++) {
      String token = TestTokens.signWithKeyId(v2Claims("admin"), "ins_FAKE_unknown_" + i);
      assertThat(rejection(verifier, bearer(token)).reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }

    // The first fetch and two for unknown key ids use up the burst of three.
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(verifier.verify(bearer(TestTokens.sign(v2Claims("admin")))).userId())
        .isEqualTo(USER_ID);
  }

  @Test
  void verifyRejectsTokenWithoutKeyIdWithoutFetching() {
    serve(200, TestTokens.jwks(KEY_ID, "sig", KEYS));
    ClerkSessionVerifier verifier = verifier(jwks(10));

    String token = JWT.create().withPayload(v2Claims("admin")).sign(TestTokens.rs256(KEYS));

    assertThat(rejection(verifier, bearer(token)).reason()).isEqualTo(Reason.UNKNOWN_KEY);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void verifyRejectsKeyNotMeantForSignatures() {
    serve(200, TestTokens.jwks(KEY_ID, "enc", KEYS));
    ClerkSessionVerifier verifier = verifier(jwks(10));

    String token = TestTokens.sign(v2Claims("admin"));

    assertThat(rejection(verifier, bearer(token)).reason()).isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void verifyRejectsOtherKeyUnderKnownId() {
    serve(200, TestTokens.jwks(KEY_ID, "sig", KEYS));
    ClerkSessionVerifier verifier = verifier(jwks(10));

    String token = TestTokens.sign(v2Claims("admin"), TestTokens.rs256(TestTokens.OTHER_KEYS));

    assertThat(rejection(verifier, bearer(token)).reason()).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void verifyReportsUnreachableJwksAsFetchFailure() {
    serve(500, "{\"errors\":[]}");
    SigningKeySource.Jwks source = jwks(10);
    ClerkSessionVerifier verifier = verifier(source);

    UnableToFetchSigningKeysException thrown =
        catchThrowableOfType(
            UnableToFetchSigningKeysException.class,
            () -> verifier.verify(bearer(TestTokens.sign(v2Claims("admin")))));

    assertThat(thrown)
        .hasMessage("signing keys could not be fetched from " + source.uri())
        .hasCauseInstanceOf(com.auth0.jwk.NetworkException.class);
  }

  private void serve(int status, String body) {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
          }
        });
  }

  private SigningKeySource.Jwks jwks(int fetchBurst) {
    URI uri = URI.create("http://127.0.0.1:" + server.getPort() + JWKS_PATH);
    return new SigningKeySource.Jwks(
        uri, 5, Duration.ofHours(1), fetchBurst, Duration.ofHours(1), Duration.ofSeconds(5));
  }

  private static ClerkSessionVerifier verifier(SigningKeySource.Jwks source) {
    AuthSettings settings =
        new AuthSettings(false, ISSUER, source, Set.of(), true, AuthSettings.DEFAULT_LEEWAY);
    return new ClerkSessionVerifier(settings, CLOCK);
  }
}
