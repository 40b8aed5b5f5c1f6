package dev.reckon.adapter.kms.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.MasterKeyUnavailableException.Reason;
import dev.reckon.ports.out.UnableToOpenKeyException;
import dev.reckon.ports.out.UnableToSealKeyException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.model.DependencyTimeoutException;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyUnavailableException;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.LimitExceededException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

class KmsErrorsTest {

  /** Planted in every AWS error message: it must never reach a Reckon exception. */
  static final String CANARY = "canary-msg-7f3a";

  private static final String REQUEST_ID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

  static Stream<Arguments> openingCases() {
    return Stream.of(
        opening(InvalidCiphertextException.builder(), "InvalidCiphertextException", 400, null),
        opening(IncorrectKeyException.builder(), "IncorrectKeyException", 400, null),
        opening(InvalidKeyUsageException.builder(), "InvalidKeyUsageException", 400, null),
        opening(DisabledException.builder(), "DisabledException", 400, Reason.KEY_DISABLED),
        opening(
            KmsInvalidStateException.builder(),
            "KMSInvalidStateException",
            400,
            Reason.KEY_DISABLED),
        opening(NotFoundException.builder(), "NotFoundException", 400, Reason.KEY_DISABLED),
        opening(KmsException.builder(), "AccessDeniedException", 400, Reason.ACCESS_DENIED),
        opening(KmsException.builder(), "UnrecognizedClientException", 400, Reason.ACCESS_DENIED),
        opening(KmsException.builder(), "ExpiredTokenException", 400, Reason.ACCESS_DENIED),
        opening(KmsException.builder(), "SomethingForbidden", 403, Reason.ACCESS_DENIED),
        opening(KmsException.builder(), "ThrottlingException", 400, Reason.THROTTLED),
        opening(KmsException.builder(), "SlowDown", 429, Reason.THROTTLED),
        opening(LimitExceededException.builder(), "LimitExceededException", 400, Reason.THROTTLED),
        opening(KmsInternalException.builder(), "KMSInternalException", 500, Reason.SERVICE_ERROR),
        opening(
            DependencyTimeoutException.builder(),
            "DependencyTimeoutException",
            503,
            Reason.SERVICE_ERROR),
        opening(
            KeyUnavailableException.builder(),
            "KeyUnavailableException",
            500,
            Reason.SERVICE_ERROR),
        opening(KmsException.builder(), "ServiceUnavailable", 503, Reason.SERVICE_ERROR));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("openingCases")
  void openingFailureMapsServiceError(
      AwsServiceException error, String code, int status, Reason reason) {
    RuntimeException mapped = KmsErrors.openingFailure(error);

    String details =
        " (KMS error " + code + ", HTTP " + status + ", request id " + REQUEST_ID + ")";
    if (reason == null) {
      assertThat(mapped).isInstanceOf(UnableToOpenKeyException.class);
      assertThat(mapped).hasMessage("KMS rejected the wrapped data key" + details);
    } else {
      assertThat(mapped).isInstanceOf(MasterKeyUnavailableException.class);
      assertThat(((MasterKeyUnavailableException) mapped).reason()).isEqualTo(reason);
      assertThat(mapped.getMessage()).endsWith(details);
    }
    assertNoCanary(mapped);
  }

  @Test
  void openingFailureRejectsOtherClientError() {
    RuntimeException mapped =
        KmsErrors.openingFailure(error(KmsException.builder(), "ValidationException", 400));

    assertThat(mapped)
        .isInstanceOf(UnableToOpenKeyException.class)
        .hasMessage(
            "KMS rejected the request to unwrap the data key (KMS error ValidationException, HTTP"
                + " 400, request id "
                + REQUEST_ID
                + ")");
  }

  @Test
  void unavailableMessagesAreFixed() {
    assertThat(
            KmsErrors.openingFailure(error(DisabledException.builder(), "DisabledException", 400)))
        .hasMessageStartingWith("KMS master key is disabled, pending deletion or not found (");
    assertThat(
            KmsErrors.openingFailure(error(KmsException.builder(), "AccessDeniedException", 400)))
        .hasMessageStartingWith(
            "KMS denied access to the master key. Check the IAM policy of this role and the key"
                + " policy. (");
    assertThat(KmsErrors.openingFailure(error(KmsException.builder(), "ThrottlingException", 400)))
        .hasMessageStartingWith("KMS throttled the request (");
    assertThat(
            KmsErrors.openingFailure(
                error(KmsInternalException.builder(), "KMSInternalException", 500)))
        .hasMessageStartingWith("KMS request failed or timed out (");
  }

  @Test
  void retryableOnlyForThrottlingAndServiceErrors() {
    assertThat(
            unavailable(
                    KmsErrors.openingFailure(
                        error(KmsException.builder(), "ThrottlingException", 400)))
                .retryable())
        .isTrue();
    assertThat(
            unavailable(
                    KmsErrors.openingFailure(
                        error(KmsInternalException.builder(), "KMSInternalException", 500)))
                .retryable())
        .isTrue();
    assertThat(
            unavailable(
                    KmsErrors.openingFailure(
                        error(DisabledException.builder(), "DisabledException", 400)))
                .retryable())
        .isFalse();
    assertThat(
            unavailable(
                    KmsErrors.openingFailure(
                        error(KmsException.builder(), "AccessDeniedException", 400)))
                .retryable())
        .isFalse();
  }

  @Test
  void sealingFailureRejectsRequestErrors() {
    for (AwsServiceException error :
        new AwsServiceException[] {
          error(InvalidKeyUsageException.builder(), "InvalidKeyUsageException", 400),
          error(KmsException.builder(), "ValidationException", 400)
        }) {
      RuntimeException mapped = KmsErrors.sealingFailure(error);

      assertThat(mapped)
          .isInstanceOf(UnableToSealKeyException.class)
          .hasMessageStartingWith(
              "KMS rejected the request for a data key. Check that the configured key is a"
                  + " symmetric encryption key in the configured region. (KMS error ");
      assertNoCanary(mapped);
    }
  }

  @Test
  void sealingFailureMapsUnavailableKey() {
    RuntimeException disabled =
        KmsErrors.sealingFailure(error(DisabledException.builder(), "DisabledException", 400));
    RuntimeException throttled =
        KmsErrors.sealingFailure(error(KmsException.builder(), "ThrottlingException", 400));
    RuntimeException denied =
        KmsErrors.sealingFailure(error(KmsException.builder(), "AccessDeniedException", 400));

    assertThat(unavailable(disabled).reason()).isEqualTo(Reason.KEY_DISABLED);
    assertThat(unavailable(throttled).reason()).isEqualTo(Reason.THROTTLED);
    assertThat(unavailable(denied).reason()).isEqualTo(Reason.ACCESS_DENIED);
  }

  @Test
  void clientFailureIsServiceErrorWithoutMessages() {
    SdkClientException error =
        SdkClientException.builder()
            .message("Unable to execute HTTP request: " + CANARY)
            .cause(new ConnectException("Connection refused " + CANARY))
            .build();

    RuntimeException mapped = KmsErrors.openingFailure(error);

    assertThat(unavailable(mapped).reason()).isEqualTo(Reason.SERVICE_ERROR);
    assertThat(mapped).hasMessage("KMS request failed or timed out");
    assertThat(mapped.getCause())
        .isInstanceOf(RedactedSdkException.class)
        .hasMessage(SdkClientException.class.getName());
    assertThat(mapped.getCause().getCause()).hasMessage(ConnectException.class.getName());
    assertThat(mapped.getCause().getStackTrace()).isEqualTo(error.getStackTrace());
    assertNoCanary(mapped);
  }

  @Test
  void timeoutIsServiceError() {
    SdkException error = ApiCallTimeoutException.builder().message("timed out " + CANARY).build();

    assertThat(unavailable(KmsErrors.sealingFailure(error)).reason())
        .isEqualTo(Reason.SERVICE_ERROR);
  }

  @Test
  void causeKeepsCodeAndRequestIdOnly() {
    AwsServiceException error =
        error(InvalidCiphertextException.builder(), "InvalidCiphertextException", 400);

    RuntimeException mapped = KmsErrors.openingFailure(error);

    assertThat(mapped.getCause())
        .hasMessage(
            InvalidCiphertextException.class.getName()
                + ": KMS error InvalidCiphertextException, HTTP 400, request id "
                + REQUEST_ID);
  }

  @Test
  void unsafeCodeAndRequestIdAreReplaced() {
    AwsServiceException error =
        KmsException.builder()
            .message(CANARY)
            .statusCode(400)
            .requestId("id with spaces " + CANARY)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("Bad Code " + CANARY)
                    .errorMessage(CANARY)
                    .build())
            .build();

    RuntimeException mapped = KmsErrors.openingFailure(error);

    assertThat(mapped)
        .hasMessage(
            "KMS rejected the request to unwrap the data key (KMS error unrecognized, HTTP 400,"
                + " request id none)");
    assertNoCanary(mapped);
  }

  /** Asserts that no message or string form in the exception's cause chain has the canary. */
  static void assertNoCanary(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(CANARY);
      assertThat(t.toString()).doesNotContain(CANARY);
      if (t.getCause() == t) {
        break;
      }
    }
  }

  private static MasterKeyUnavailableException unavailable(RuntimeException mapped) {
    assertThat(mapped).isInstanceOf(MasterKeyUnavailableException.class);
    return (MasterKeyUnavailableException) mapped;
  }

  private static Arguments opening(
      AwsServiceException.Builder builder, String code, int status, Reason reason) {
    return Arguments.of(error(builder, code, status), code, status, reason);
  }

  private static AwsServiceException error(
      AwsServiceException.Builder builder, String code, int status) {
    return builder
        .message(CANARY)
        .statusCode(status)
        .requestId(REQUEST_ID)
        .cause(new IOException("nested " + CANARY))
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage("server text " + CANARY)
                .serviceName("Kms")
                .build())
        .build();
  }
}
