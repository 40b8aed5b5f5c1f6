package dev.reckon.adapter.kms.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A stand-in cause for an AWS SDK exception that keeps what helps diagnose a failed KMS call and
 * drops every message text.
 *
 * <p>The message is the original's class name and, for a service error, the checked AWS error code,
 * HTTP status and request id. The stack trace is the original's. Causes are replaced the same way,
 * class names only, because their messages can quote the response body (a JSON parse error does).
 */
final class RedactedSdkException extends RuntimeException {

  private static final int MAX_CAUSE_DEPTH = 8;

  RedactedSdkException(Throwable original) {
    this(original, 0);
  }

  private RedactedSdkException(Throwable original, int depth) {
    super(describe(original), redactedCause(original, depth), false, true);
    setStackTrace(original.getStackTrace());
  }

  private static RedactedSdkException redactedCause(Throwable original, int depth) {
    Throwable cause = original.getCause();
    if (cause == null || cause == original || depth >= MAX_CAUSE_DEPTH) {
      return null;
    }
    return new RedactedSdkException(cause, depth + 1);
  }

  private static String describe(Throwable original) {
    String type = original.getClass().getName();
    if (original instanceof AwsServiceException service) {
      return type
          + ": KMS error "
          + KmsErrors.safeErrorCode(service)
          + ", HTTP "
          + service.statusCode()
          + ", request id "
          + KmsErrors.safeRequestId(service);
    }
    return type;
  }
}
