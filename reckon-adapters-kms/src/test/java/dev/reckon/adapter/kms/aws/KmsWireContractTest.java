package dev.reckon.adapter.kms.aws;

import static dev.reckon.adapter.kms.aws.KmsErrorsTest.CANARY;
import static dev.reckon.adapter.kms.aws.KmsErrorsTest.assertNoCanary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reckon.adapter.kms.EncryptionContext;
import dev.reckon.adapter.kms.Envelope;
import dev.reckon.adapter.kms.GeneratedDataKey;
import dev.reckon.adapter.kms.TestKeys;
import dev.reckon.adapter.kms.opening.KmsDataKeyRewrapper;
import dev.reckon.adapter.kms.opening.KmsDataKeyUnwrapper;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.MasterKeyUnavailableException.Reason;
import dev.reckon.ports.out.UnableToOpenKeyException;
import dev.reckon.ports.out.UnableToSealKeyException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Points the real SDK client that {@link KmsClients} builds at a loopback server speaking the KMS
 * JSON 1.1 protocol, to check what Reckon sends and how it reads responses and errors.
 */
class KmsWireContractTest {

  private static final String KEY_ARN = KmsSettingsTest.KEY_ARN;
  private static final String OLD_KEY_ARN = KmsSettingsTest.OTHER_KEY_ARN;
  private static final String REGION = "eu-west-1";
  private static final String REQUEST_ID = "5f0c6b2e-0000-4000-8000-000000000001";
  private static final String JSON_1_1 = "application/x-amz-json-1.1";
  private static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create("test-access-key", "test-secret-key"));

  private static final EncryptionContext CONTEXT =
      EncryptionContext.forBinding(TestKeys.newBinding(Provider.OPENAI));

  private final MockWebServer server = new MockWebServer();
  private final ObjectMapper json = new ObjectMapper();
  private KmsSettings settings;
  private KmsClient client;

  @BeforeEach
  void startServer() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    settings = settingsFor(URI.create("http://127.0.0.1:" + server.getPort()));
    client = KmsClients.create(settings, CREDENTIALS, 1);
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.close();
  }

  // ---- What Reckon sends ----

  @Test
  void generateDataKeySendsJsonRequest() throws Exception {
    byte[] dataKey = bytes(32, 0x11);
    byte[] blob = bytes(180, 0x22);
    respond(
        200, body("CiphertextBlob", base64(blob), "Plaintext", base64(dataKey), "KeyId", KEY_ARN));

    try (GeneratedDataKey generated = generator().generateDataKey(CONTEXT)) {
      RecordedRequest request = takeRequest();
      assertSignedJsonPost(request, "TrentService.GenerateDataKey");
      JsonNode sent = json.readTree(request.getBody().utf8());
      assertThat(sent.get("KeyId").asText()).isEqualTo(KEY_ARN);
      assertThat(sent.get("KeySpec").asText()).isEqualTo("AES_256");
      assertThat(sent.has("NumberOfBytes")).isFalse();
      assertThat(contextOf(sent.get("EncryptionContext"))).isEqualTo(CONTEXT.asMap());

      assertThat(generated.masterKeyId()).isEqualTo(KEY_ARN);
      assertThat(generated.wrappedDataKey()).isEqualTo(blob);
      assertThat(generated.unsafeRevealPlaintextWithoutCopy()).isEqualTo(dataKey);
    }
  }

  @Test
  void decryptSendsPinnedKeyIdBlobAndContext() throws Exception {
    byte[] dataKey = bytes(32, 0x33);
    byte[] blob = bytes(180, 0x44);
    respond(
        200,
        body(
            "KeyId",
            KEY_ARN,
            "Plaintext",
            base64(dataKey),
            "EncryptionAlgorithm",
            "SYMMETRIC_DEFAULT"));

    try (SecretBytes unwrapped = unwrapper().unwrap(KEY_ARN, blob, CONTEXT)) {
      RecordedRequest request = takeRequest();
      assertSignedJsonPost(request, "TrentService.Decrypt");
      JsonNode sent = json.readTree(request.getBody().utf8());
      assertThat(sent.get("KeyId").asText()).isEqualTo(KEY_ARN);
      assertThat(sent.get("CiphertextBlob").asText()).isEqualTo(base64(blob));
      assertThat(sent.get("EncryptionAlgorithm").asText()).isEqualTo("SYMMETRIC_DEFAULT");
      assertThat(contextOf(sent.get("EncryptionContext"))).isEqualTo(CONTEXT.asMap());

      assertThat(unwrapped.unsafeRevealBytesWithoutCopy()).isEqualTo(dataKey);
    }
  }

  @Test
  void reEncryptSendsPinnedSourceAndCurrentDestination() throws Exception {
    byte[] oldBlob = bytes(180, 0x55);
    byte[] newBlob = bytes(181, 0x66);
    respond(
        200, body("CiphertextBlob", base64(newBlob), "SourceKeyId", OLD_KEY_ARN, "KeyId", KEY_ARN));
    Envelope original = new Envelope(OLD_KEY_ARN, oldBlob, bytes(12, 1), bytes(40, 2));

    Envelope rewrapped = rewrapper().rewrap(original, CONTEXT);

    RecordedRequest request = takeRequest();
    assertSignedJsonPost(request, "TrentService.ReEncrypt");
    JsonNode sent = json.readTree(request.getBody().utf8());
    assertThat(sent.get("CiphertextBlob").asText()).isEqualTo(base64(oldBlob));
    assertThat(sent.get("SourceKeyId").asText()).isEqualTo(OLD_KEY_ARN);
    assertThat(sent.get("DestinationKeyId").asText()).isEqualTo(KEY_ARN);
    assertThat(contextOf(sent.get("SourceEncryptionContext"))).isEqualTo(CONTEXT.asMap());
    assertThat(contextOf(sent.get("DestinationEncryptionContext"))).isEqualTo(CONTEXT.asMap());
    assertThat(rewrapped.masterKeyId()).isEqualTo(KEY_ARN);
    assertThat(rewrapped.wrappedDataKey()).isEqualTo(newBlob);
    assertThat(rewrapped.iv()).isEqualTo(original.iv());
  }

  // ---- How Reckon reads errors ----

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "400, InvalidCiphertextException, REJECTED,",
    "400, IncorrectKeyException, REJECTED,",
    "400, DisabledException, UNAVAILABLE, KEY_DISABLED",
    "400, KMSInvalidStateException, UNAVAILABLE, KEY_DISABLED",
    "400, NotFoundException, UNAVAILABLE, KEY_DISABLED",
    "400, AccessDeniedException, UNAVAILABLE, ACCESS_DENIED",
    "400, UnrecognizedClientException, UNAVAILABLE, ACCESS_DENIED",
    "400, ThrottlingException, UNAVAILABLE, THROTTLED",
    "500, KMSInternalException, UNAVAILABLE, SERVICE_ERROR",
    "503, DependencyTimeoutException, UNAVAILABLE, SERVICE_ERROR"
  })
  void decryptErrorIsMapped(int status, String type, String outcome, Reason reason) {
    respondError(status, type);

    Throwable thrown = catchThrowable(() -> unwrapper().unwrap(KEY_ARN, bytes(180, 7), CONTEXT));

    String details =
        " (KMS error " + type + ", HTTP " + status + ", request id " + REQUEST_ID + ")";
    if (outcome.equals("REJECTED")) {
      assertThat(thrown)
          .isInstanceOf(UnableToOpenKeyException.class)
          .hasMessage("KMS rejected the wrapped data key" + details);
    } else {
      assertThat(thrown).isInstanceOf(MasterKeyUnavailableException.class);
      assertThat(((MasterKeyUnavailableException) thrown).reason()).isEqualTo(reason);
      assertThat(thrown.getMessage()).endsWith(details);
    }
    assertNoCanary(thrown);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "400, DisabledException, KEY_DISABLED",
    "400, AccessDeniedException, ACCESS_DENIED",
    "400, ThrottlingException, THROTTLED",
    "500, KMSInternalException, SERVICE_ERROR"
  })
  void generateDataKeyErrorIsMapped(int status, String type, Reason reason) {
    respondError(status, type);

    Throwable thrown = catchThrowable(() -> generator().generateDataKey(CONTEXT));

    assertThat(thrown).isInstanceOf(MasterKeyUnavailableException.class);
    assertThat(((MasterKeyUnavailableException) thrown).reason()).isEqualTo(reason);
    assertNoCanary(thrown);
  }

  @Test
  void generateDataKeyRejectionIsUnableToSeal() {
    respondError(400, "InvalidKeyUsageException");

    Throwable thrown = catchThrowable(() -> generator().generateDataKey(CONTEXT));

    assertThat(thrown)
        .isInstanceOf(UnableToSealKeyException.class)
        .hasMessage(
            "KMS rejected the request for a data key. Check that the configured key is a"
                + " symmetric encryption key in the configured region. (KMS error"
                + " InvalidKeyUsageException, HTTP 400, request id "
                + REQUEST_ID
                + ")");
    assertNoCanary(thrown);
  }

  @Test
  void reEncryptErrorIsMapped() {
    respondError(400, "InvalidCiphertextException");
    Envelope original = new Envelope(OLD_KEY_ARN, bytes(180, 3), bytes(12, 1), bytes(40, 2));

    Throwable thrown = catchThrowable(() -> rewrapper().rewrap(original, CONTEXT));

    assertThat(thrown)
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessageStartingWith("KMS rejected the wrapped data key (KMS error InvalidCiphertext");
    assertNoCanary(thrown);
  }

  // ---- How Reckon checks responses ----

  @Test
  void decryptRejectsOtherReturnedKeyId() {
    respond(200, body("KeyId", OLD_KEY_ARN, "Plaintext", base64(bytes(32, 9))));

    Throwable thrown = catchThrowable(() -> unwrapper().unwrap(KEY_ARN, bytes(180, 7), CONTEXT));

    assertThat(thrown)
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("KMS unwrapped the data key with another key than the sealed key names");
  }

  @Test
  void decryptRejectsShortPlaintext() {
    respond(200, body("KeyId", KEY_ARN, "Plaintext", base64(bytes(16, 9))));

    Throwable thrown = catchThrowable(() -> unwrapper().unwrap(KEY_ARN, bytes(180, 7), CONTEXT));

    assertThat(thrown)
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("KMS returned a data key that is not 256 bits");
  }

  @Test
  void reEncryptRejectsOtherReturnedSourceKey() {
    respond(
        200,
        body("CiphertextBlob", base64(bytes(180, 5)), "SourceKeyId", KEY_ARN, "KeyId", KEY_ARN));
    Envelope original = new Envelope(OLD_KEY_ARN, bytes(180, 3), bytes(12, 1), bytes(40, 2));

    Throwable thrown = catchThrowable(() -> rewrapper().rewrap(original, CONTEXT));

    assertThat(thrown)
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage("KMS re-encrypted the data key from another key than the sealed key names");
  }

  @Test
  void malformedJsonFailsCleanly() {
    respond(200, "{\"KeyId\": \"" + KEY_ARN + "\", \"Plaintext\": \"" + CANARY);

    Throwable thrown = catchThrowable(() -> unwrapper().unwrap(KEY_ARN, bytes(180, 7), CONTEXT));

    assertThat(thrown).isInstanceOf(MasterKeyUnavailableException.class);
    assertThat(((MasterKeyUnavailableException) thrown).reason()).isEqualTo(Reason.SERVICE_ERROR);
    assertThat(thrown).hasMessage("KMS request failed or timed out");
    assertNoCanary(thrown);
  }

  @Test
  void nonJsonErrorBodyFailsCleanly() {
    server.enqueue(
        new MockResponse.Builder()
            .code(502)
            .addHeader("Content-Type", "text/html")
            .body("<html><body>" + CANARY + "</body></html>")
            .build());

    Throwable thrown = catchThrowable(() -> generator().generateDataKey(CONTEXT));

    assertThat(thrown).isInstanceOf(MasterKeyUnavailableException.class);
    assertThat(((MasterKeyUnavailableException) thrown).reason()).isEqualTo(Reason.SERVICE_ERROR);
    assertNoCanary(thrown);
  }

  // ---- Client configuration ----

  @Test
  void defaultClientRetriesServerErrorsThreeAttempts() throws Exception {
    for (int i = 0; i < 4; i++) {
      respondError(500, "KMSInternalException");
    }

    try (KmsClient retrying = KmsClients.create(settings, CREDENTIALS)) {
      KmsDataKeyUnwrapper unwrapper = new KmsDataKeyUnwrapper(retrying, settings);
      Throwable thrown = catchThrowable(() -> unwrapper.unwrap(KEY_ARN, bytes(180, 7), CONTEXT));

      assertThat(thrown).isInstanceOf(MasterKeyUnavailableException.class);
      assertThat(((MasterKeyUnavailableException) thrown).reason()).isEqualTo(Reason.SERVICE_ERROR);
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void refusedConnectionIsServiceError() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    KmsSettings unreachable = settingsFor(URI.create("http://127.0.0.1:" + closedPort));

    try (KmsClient refused = KmsClients.create(unreachable, CREDENTIALS, 1)) {
      Throwable thrown =
          catchThrowable(
              () -> new KmsDataKeyGenerator(refused, unreachable).generateDataKey(CONTEXT));

      assertThat(thrown).isInstanceOf(MasterKeyUnavailableException.class);
      assertThat(((MasterKeyUnavailableException) thrown).reason()).isEqualTo(Reason.SERVICE_ERROR);
      assertThat(thrown).hasMessage("KMS request failed or timed out");
    }
  }

  // ---- Helpers ----

  private KmsDataKeyGenerator generator() {
    return new KmsDataKeyGenerator(client, settings);
  }

  private KmsDataKeyUnwrapper unwrapper() {
    return new KmsDataKeyUnwrapper(client, settings);
  }

  private KmsDataKeyRewrapper rewrapper() {
    return new KmsDataKeyRewrapper(client, settings);
  }

  private static KmsSettings settingsFor(URI endpoint) {
    return KmsSettings.of(KEY_ARN, List.of(OLD_KEY_ARN), REGION, endpoint, false);
  }

  private RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request).as("a request reached the server").isNotNull();
    return request;
  }

  private static void assertSignedJsonPost(RecordedRequest request, String target) {
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/");
    assertThat(request.getHeaders().get("X-Amz-Target")).isEqualTo(target);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo(JSON_1_1);
    String authorization = request.getHeaders().get("Authorization");
    assertThat(authorization)
        .startsWith("AWS4-HMAC-SHA256 Credential=test-access-key/")
        .contains("/" + REGION + "/kms/aws4_request")
        .contains("Signature=")
        .doesNotContain("test-secret-key");
  }

  private void respond(int status, String body) {
    server.enqueue(
        new MockResponse.Builder()
            .code(status)
            .addHeader("Content-Type", JSON_1_1)
            .addHeader("x-amzn-RequestId", REQUEST_ID)
            .body(body)
            .build());
  }

  /** Responds with a KMS error whose message has the canary next to a key ARN. */
  private void respondError(int status, String type) {
    respond(status, body("__type", type, "message", CANARY + " for key " + KEY_ARN));
  }

  private String body(String... namesAndValues) {
    ObjectNode node = json.createObjectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      node.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return node.toString();
  }

  private static Map<String, String> contextOf(JsonNode node) {
    assertThat(node).as("EncryptionContext in the request body").isNotNull();
    return new ObjectMapper().convertValue(node, new TypeReference<>() {});
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] bytes(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
