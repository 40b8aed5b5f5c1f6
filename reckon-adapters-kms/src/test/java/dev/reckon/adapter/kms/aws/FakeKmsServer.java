package dev.reckon.adapter.kms.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DecryptRequest;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyRequest;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.ReEncryptRequest;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/**
 * A {@link FakeKms} served over HTTP on 127.0.0.1 in the KMS JSON 1.1 protocol, so that whole
 * processes can run with {@code RECKON_MASTER_KEY=aws-kms} and the real SDK client. It serves
 * GenerateDataKey, Decrypt and ReEncrypt, and maps the fake's KMS exceptions to error bodies with
 * their {@code __type}. It checks neither signatures nor credentials.
 */
public final class FakeKmsServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

  private final FakeKms kms;
  private final MockWebServer server = new MockWebServer();

  private FakeKmsServer(FakeKms kms) {
    this.kms = kms;
  }

  /** Starts serving {@code kms} on a free port of 127.0.0.1. */
  public static FakeKmsServer start(FakeKms kms) throws IOException {
    FakeKmsServer fake = new FakeKmsServer(kms);
    fake.server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return fake.answer(request);
          }
        });
    fake.server.start(InetAddress.getLoopbackAddress(), 0);
    return fake;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  public FakeKms kms() {
    return kms;
  }

  @Override
  public void close() {
    server.close();
  }

  private MockResponse answer(RecordedRequest request) {
    String target = request.getHeaders().get("X-Amz-Target");
    try {
      JsonNode body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
      ObjectNode reply =
          switch (target == null ? "" : target) {
            case "TrentService.GenerateDataKey" -> generateDataKey(body);
            case "TrentService.Decrypt" -> decrypt(body);
            case "TrentService.ReEncrypt" -> reEncrypt(body);
            default -> throw new IllegalArgumentException("unsupported target " + target);
          };
      return json(200, reply);
    } catch (KmsException e) {
      ObjectNode error = JSON.createObjectNode();
      error.put("__type", e.awsErrorDetails().errorCode());
      error.put("message", "fake KMS refused the request");
      return json(e.statusCode() == 0 ? 400 : e.statusCode(), error);
    } catch (IOException | RuntimeException e) {
      ObjectNode error = JSON.createObjectNode();
      error.put("__type", "ValidationException");
      error.put("message", "fake KMS could not read the request");
      return json(400, error);
    }
  }

  private ObjectNode generateDataKey(JsonNode body) {
    GenerateDataKeyResponse response =
        kms.generateDataKey(
            GenerateDataKeyRequest.builder()
                .keyId(body.path("KeyId").asText())
                .keySpec(body.path("KeySpec").asText())
                .encryptionContext(context(body.path("EncryptionContext")))
                .build());
    ObjectNode reply = JSON.createObjectNode();
    reply.put("KeyId", response.keyId());
    reply.put("CiphertextBlob", BASE64.encodeToString(response.ciphertextBlob().asByteArray()));
    reply.put("Plaintext", BASE64.encodeToString(response.plaintext().asByteArray()));
    return reply;
  }

  private ObjectNode decrypt(JsonNode body) {
    DecryptResponse response =
        kms.decrypt(
            DecryptRequest.builder()
                .keyId(body.path("KeyId").asText(null))
                .ciphertextBlob(blob(body.path("CiphertextBlob")))
                .encryptionContext(context(body.path("EncryptionContext")))
                .encryptionAlgorithm(body.path("EncryptionAlgorithm").asText(null))
                .build());
    ObjectNode reply = JSON.createObjectNode();
    reply.put("KeyId", response.keyId());
    reply.put("Plaintext", BASE64.encodeToString(response.plaintext().asByteArray()));
    reply.put("EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
    return reply;
  }

  private ObjectNode reEncrypt(JsonNode body) {
    ReEncryptResponse response =
        kms.reEncrypt(
            ReEncryptRequest.builder()
                .ciphertextBlob(blob(body.path("CiphertextBlob")))
                .sourceKeyId(body.path("SourceKeyId").asText(null))
                .destinationKeyId(body.path("DestinationKeyId").asText())
                .sourceEncryptionContext(context(body.path("SourceEncryptionContext")))
                .destinationEncryptionContext(context(body.path("DestinationEncryptionContext")))
                .build());
    ObjectNode reply = JSON.createObjectNode();
    reply.put("KeyId", response.keyId());
    reply.put("SourceKeyId", response.sourceKeyId());
    reply.put("CiphertextBlob", BASE64.encodeToString(response.ciphertextBlob().asByteArray()));
    return reply;
  }

  private static Map<String, String> context(JsonNode node) {
    Map<String, String> context = new LinkedHashMap<>();
    node.fields().forEachRemaining(entry -> context.put(entry.getKey(), entry.getValue().asText()));
    return context;
  }

  private static SdkBytes blob(JsonNode node) {
    return SdkBytes.fromByteArray(BASE64_DECODER.decode(node.asText()));
  }

  private static MockResponse json(int status, ObjectNode body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/x-amz-json-1.1")
        .body(body.toString())
        .build();
  }
}
