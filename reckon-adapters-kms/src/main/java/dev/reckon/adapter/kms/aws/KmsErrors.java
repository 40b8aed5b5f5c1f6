package dev.reckon.adapter.kms.aws;

import dev.reckon.ports.out.MasterKeyUnavailableException;
import dev.reckon.ports.out.MasterKeyUnavailableException.Reason;
import dev.reckon.ports.out.UnableToOpenKeyException;
import dev.reckon.ports.out.UnableToSealKeyException;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.model.DependencyTimeoutException;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyUnavailableException;
import software.amazon.awssdk.services.kms.model.KmsInternalException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.LimitExceededException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Maps AWS SDK exceptions from KMS calls to Reckon's exceptions, for the sealing and the opening
 * side.
 *
 * <p>Messages are fixed text plus, for a service error, the AWS error code, HTTP status and request
 * id, each checked against a narrow pattern first. The AWS error message is never used: it is
 * server text that can echo key ids or request values. For the same reason the SDK exception is not
 * chained. The cause is a {@link RedactedSdkException} with the SDK exception's class, error code,
 * status, request id and stack trace, and no message text.
 */
public final class KmsErrors {

  static final String KEY_DISABLED = "KMS master key is disabled, pending deletion or not found";
  static final String ACCESS_DENIED =
      "KMS denied access to the master key. Check the IAM policy of this role and the key policy.";
  static final String THROTTLED = "KMS throttled the request";
  static final String SERVICE_ERROR = "KMS request failed or timed out";
  static final String WRAPPED_KEY_REJECTED = "KMS rejected the wrapped data key";
  static final String OPENING_REQUEST_REJECTED = "KMS rejected the request to unwrap the data key";
  static final String SEALING_REQUEST_REJECTED =
      "KMS rejected the request for a data key. Check that the configured key is a symmetric"
          + " encryption key in the configured region.";

  /**
   * AWS error codes that mean the credentials are missing, invalid or not allowed. The KMS SDK has
   * no exception class for them, so they are matched by code.
   */
  private static final Set<String> ACCESS_DENIED_CODES =
      Set.of(
          "AccessDeniedException",
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "IncompleteSignature",
          "MissingAuthenticationToken",
          "ExpiredTokenException",
          "InvalidClientTokenId");

  private static final Pattern SAFE_ERROR_CODE = Pattern.compile("[A-Za-z0-9._:#-]{1,100}");
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  private KmsErrors() {}

  /**
   * Returns the exception to throw for a failed {@code GenerateDataKey}: a {@link
   * MasterKeyUnavailableException} when the key or the service is unavailable, otherwise an {@link
   * UnableToSealKeyException}.
   */
  public static RuntimeException sealingFailure(SdkException e) {
    Category category = categorize(e);
    return switch (category) {
      case RECORD_REJECTED, REQUEST_REJECTED ->
          new UnableToSealKeyException(
              SEALING_REQUEST_REJECTED + details(e), new RedactedSdkException(e));
      default -> unavailable(category, e);
    };
  }

  /**
   * Returns the exception to throw for a failed {@code Decrypt} or {@code ReEncrypt}: an {@link
   * UnableToOpenKeyException} when KMS rejected the wrapped key or the request, otherwise a {@link
   * MasterKeyUnavailableException}.
   */
  public static RuntimeException openingFailure(SdkException e) {
    Category category = categorize(e);
    return switch (category) {
      case RECORD_REJECTED ->
          new UnableToOpenKeyException(
              WRAPPED_KEY_REJECTED + details(e), new RedactedSdkException(e));
      case REQUEST_REJECTED ->
          new UnableToOpenKeyException(
              OPENING_REQUEST_REJECTED + details(e), new RedactedSdkException(e));
      default -> unavailable(category, e);
    };
  }

  private static MasterKeyUnavailableException unavailable(Category category, SdkException e) {
    Reason reason =
        switch (category) {
          case KEY_DISABLED -> Reason.KEY_DISABLED;
          case ACCESS_DENIED -> Reason.ACCESS_DENIED;
          case THROTTLED -> Reason.THROTTLED;
          default -> Reason.SERVICE_ERROR;
        };
    String message =
        switch (reason) {
          case KEY_DISABLED -> KEY_DISABLED;
          case ACCESS_DENIED -> ACCESS_DENIED;
          case THROTTLED -> THROTTLED;
          case SERVICE_ERROR -> SERVICE_ERROR;
        };
    return new MasterKeyUnavailableException(
        reason, message + details(e), new RedactedSdkException(e));
  }

  private static Category categorize(SdkException e) {
    Objects.requireNonNull(e, "e");
    if (!(e instanceof AwsServiceException service)) {
      // Connection failures, timeouts and unreadable responses: the service may work on retry.
      // NOTE: missing AWS credentials also end up here, as the SDK reports them the same way.
      return Category.SERVICE_ERROR;
    }

    Category modelled = categorizeModelled(service);
    if (modelled != null) {
      return modelled;
    }
    return categorizeByCodeAndStatus(service);
  }

  /** Returns the category of a KMS error the SDK has a class for, or null for any other. */
  private static Category categorizeModelled(AwsServiceException e) {
    if (e instanceof InvalidCiphertextException
        || e instanceof IncorrectKeyException
        || e instanceof InvalidKeyUsageException) {
      return Category.RECORD_REJECTED;
    }
    if (e instanceof DisabledException
        || e instanceof KmsInvalidStateException
        || e instanceof NotFoundException) {
      return Category.KEY_DISABLED;
    }
    if (e instanceof LimitExceededException) {
      return Category.THROTTLED;
    }
    if (e instanceof KmsInternalException
        || e instanceof DependencyTimeoutException
        || e instanceof KeyUnavailableException) {
      return Category.SERVICE_ERROR;
    }
    return null;
  }

  private static Category categorizeByCodeAndStatus(AwsServiceException e) {
    if (e.isThrottlingException()) {
      return Category.THROTTLED;
    }

    int status = e.statusCode();
    String code = errorCode(e);
    // Set.of(...).contains(null) throws, and a response without an error code is possible.
    boolean deniedCode = code != null && ACCESS_DENIED_CODES.contains(code);
    if (deniedCode || status == 401 || status == 403) {
      return Category.ACCESS_DENIED;
    }

    // Status 0 means no HTTP status was recorded, so nothing shows the request itself was wrong.
    if (status >= 500 || status == 0) {
      return Category.SERVICE_ERROR;
    }
    return Category.REQUEST_REJECTED;
  }

  /** Returns " (KMS error CODE, HTTP STATUS, request id ID)" for a service error, else "". */
  private static String details(SdkException e) {
    if (!(e instanceof AwsServiceException service)) {
      return "";
    }
    return " (KMS error "
        + safeErrorCode(service)
        + ", HTTP "
        + service.statusCode()
        + ", request id "
        + safeRequestId(service)
        + ")";
  }

  static String safeErrorCode(AwsServiceException e) {
    String code = errorCode(e);
    return code != null && SAFE_ERROR_CODE.matcher(code).matches() ? code : "unrecognized";
  }

  static String safeRequestId(AwsServiceException e) {
    String id = e.requestId();
    return id != null && SAFE_REQUEST_ID.matcher(id).matches() ? id : "none";
  }

  private static String errorCode(AwsServiceException e) {
    AwsErrorDetails details = e.awsErrorDetails();
    return details == null ? null : details.errorCode();
  }

  private enum Category {
    RECORD_REJECTED,
    REQUEST_REJECTED,
    KEY_DISABLED,
    ACCESS_DENIED,
    THROTTLED,
    SERVICE_ERROR
  }
}
