package dev.reckon.web.auth;

import static dev.reckon.web.auth.TestTokens.ISSUER;
import static dev.reckon.web.auth.TestTokens.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthSettingsTest {

  private static final String PEM = TestTokens.publicKeyPem(KEYS);
  private static final RSAPublicKey PUBLIC_KEY = (RSAPublicKey) KEYS.getPublic();

  @TempDir Path folder;

  @Test
  void fromPemUsesDocumentedDefaults() {
    AuthSettings settings = AuthSettings.fromPem(true, ISSUER, PEM);

    SigningKeySource.PemKey key = (SigningKeySource.PemKey) settings.keySource();

    assertThat(key.publicKey()).isEqualTo(PUBLIC_KEY);
    assertThat(key.developmentKey()).isFalse();
    assertThat(settings.authorizedParties()).isEmpty();
    assertThat(settings.acceptMissingAuthorizedParty()).isTrue();
    assertThat(settings.leeway()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void fromJwksUsesDocumentedDefaults() {
    URI uri = URI.create("https://clerk.reckon-test.invalid/.well-known/jwks.json");

    AuthSettings settings = AuthSettings.fromJwks(true, ISSUER, uri);

    assertThat(settings.keySource())
        .isEqualTo(
            new SigningKeySource.Jwks(
                uri, 5, Duration.ofHours(1), 10, Duration.ofMinutes(1), Duration.ofSeconds(5)));
  }

  @Test
  void productionRejectsDevelopmentIssuer() {
    String issuer = AuthSettings.DEVELOPMENT_ISSUER;

    assertThatThrownBy(() -> AuthSettings.fromPem(true, issuer, PEM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "issuer 'https://reckon.dev.invalid' is the development sign-in issuer, which"
                + " production mode rejects: set the Clerk instance's Frontend API URL");
  }

  @Test
  void productionRejectsDevelopmentKey() {
    DevSigningKeys keys = DevSigningKeys.loadOrCreate(folder);
    SigningKeySource.PemKey devKey = new SigningKeySource.PemKey(keys.publicKey(), true);

    assertThatThrownBy(
            () -> new AuthSettings(true, ISSUER, devKey, Set.of(), true, Duration.ofSeconds(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the development sign-in key is rejected in production mode: configure the Clerk"
                + " instance's PEM public key or JWKS URL");
  }

  @Test
  void developmentSettingsAreNotProduction() {
    DevSigningKeys keys = DevSigningKeys.loadOrCreate(folder);

    AuthSettings settings = AuthSettings.development(keys);

    assertThat(settings.production()).isFalse();
    assertThat(settings.issuer()).isEqualTo("https://reckon.dev.invalid");
    assertThat(((SigningKeySource.PemKey) settings.keySource()).developmentKey()).isTrue();
  }

  @Test
  void productionRejectsPlainHttp() {
    URI loopback = URI.create("http://127.0.0.1:8080/.well-known/jwks.json");

    AuthSettings development = AuthSettings.fromJwks(false, ISSUER, loopback);

    assertThat(development.keySource()).isInstanceOf(SigningKeySource.Jwks.class);
    assertThatThrownBy(() -> AuthSettings.fromJwks(true, ISSUER, loopback))
        .hasMessage(
            "JWKS URI 'http://127.0.0.1:8080/.well-known/jwks.json' is invalid in production"
                + " mode: use an https:// URL");
    assertThatThrownBy(() -> AuthSettings.fromPem(true, "http://clerk.reckon-test.invalid", PEM))
        .hasMessage(
            "issuer 'http://clerk.reckon-test.invalid' is invalid in production mode: use an"
                + " https:// URL");
  }

  @Test
  void settingsRejectInvalidLeeway() {
    AuthSettings settings = AuthSettings.fromPem(false, ISSUER, PEM);

    assertThat(settings.withLeeway(Duration.ofSeconds(60)).leeway()).hasSeconds(60);
    assertThatThrownBy(() -> settings.withLeeway(Duration.ofSeconds(61)))
        .hasMessage("'leeway' must be whole seconds from 0 to 60 (was PT1M1S)");
    assertThatThrownBy(() -> settings.withLeeway(Duration.ofSeconds(-1)))
        .hasMessage("'leeway' must be whole seconds from 0 to 60 (was PT-1S)");
    assertThatThrownBy(() -> settings.withLeeway(Duration.ofMillis(500)))
        .hasMessage("'leeway' must be whole seconds from 0 to 60 (was PT0.5S)");
  }

  @Test
  void settingsRejectAuthorizedPartyThatIsNoOrigin() {
    AuthSettings settings = AuthSettings.fromPem(false, ISSUER, PEM);

    Set<String> origins = Set.of("https://app.reckon-test.invalid/");

    assertThatThrownBy(() -> settings.withAuthorizedParties(origins))
        .hasMessage(
            "authorized party 'https://app.reckon-test.invalid/' is invalid: use an origin such"
                + " as https://app.example.com, with no path or trailing slash");
  }

  @Test
  void settingsRejectBlankIssuer() {
    String issuer = " ";

    assertThatThrownBy(() -> AuthSettings.fromPem(false, issuer, PEM))
        .hasMessage("issuer ' ' is invalid: use the Frontend API URL, with no spaces");
  }

  @Test
  void pemKeyRejectsInvalidText() {
    String privateBlock = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n";
    String notBase64 = "-----BEGIN PUBLIC KEY-----\n@@@@\n-----END PUBLIC KEY-----\n";

    String notKey = "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n";

    assertThatThrownBy(() -> SigningKeySource.PemKey.parse(privateBlock))
        .hasMessage(
            "PEM text has no complete 'PUBLIC KEY' block: expected '-----BEGIN PUBLIC KEY-----'"
                + " and '-----END PUBLIC KEY-----' lines");
    assertThatThrownBy(() -> SigningKeySource.PemKey.parse(notBase64))
        .hasMessage("PEM 'PUBLIC KEY' block is not an RSA public key");
    assertThatThrownBy(() -> SigningKeySource.PemKey.parse(notKey))
        .hasMessage("PEM 'PUBLIC KEY' block is not an RSA public key");
  }

  @Test
  void pemKeyRejectsShortRsaKey() {
    String shortKey = TestTokens.publicKeyPem(TestTokens.generateRsa(1024));

    assertThatThrownBy(() -> SigningKeySource.PemKey.parse(shortKey))
        .hasMessage("RSA public key must have at least 2048 bits (was 1024)");
  }

  @Test
  void jwksRejectsOutOfRangeSettings() {
    URI uri = URI.create("https://clerk.reckon-test.invalid/.well-known/jwks.json");

    Duration hour = Duration.ofHours(1);

    assertThatThrownBy(() -> new SigningKeySource.Jwks(uri, 0, hour, 10, hour, hour))
        .hasMessage("'cacheSize' must be from 1 to 100 (was 0)");
    assertThatThrownBy(
            () -> new SigningKeySource.Jwks(uri, 5, hour, 10, hour, Duration.ofMinutes(2)))
        .hasMessage("'timeout' must be from PT0.1S to PT1M (was PT2M)");
    assertThatThrownBy(
            () ->
                new SigningKeySource.Jwks(
                    URI.create("file:///etc/jwks.json"), 5, hour, 10, hour, hour))
        .hasMessage("JWKS URI 'file:///etc/jwks.json' is invalid: use an absolute https:// URL");
  }
}
