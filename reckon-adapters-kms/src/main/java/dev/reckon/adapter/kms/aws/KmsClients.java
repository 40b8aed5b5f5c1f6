package dev.reckon.adapter.kms.aws;

import java.time.Duration;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.KmsClientBuilder;

/**
 * Builds the SDK's {@link KmsClient} for Reckon: the JDK's URLConnection HTTP client, the
 * configured region and endpoint, bounded timeouts and few retries.
 *
 * <p>The SDK retries at most {@value #MAX_ATTEMPTS} attempts in all, with its standard backoff,
 * because callers run their own backoff on a retryable {@link
 * dev.reckon.ports.out.MasterKeyUnavailableException}. Retrying long inside the SDK would hold a
 * worker thread and multiply the two backoffs.
 */
public final class KmsClients {

  static final int MAX_ATTEMPTS = 3;

  /** Bound on one call including all its attempts and backoff. */
  static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(10);

  /** Bound on one attempt, so that a stalled connection leaves time to retry within the call. */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);

  private KmsClients() {}

  /**
   * Creates a client that takes credentials from the SDK's default chain: environment variables,
   * system properties, web identity, the shared profile files, and the container or EC2 instance
   * role. The caller owns the client and closes it.
   */
  public static KmsClient create(KmsSettings settings) {
    return create(settings, DefaultCredentialsProvider.builder().build());
  }

  /** Creates a client with the given credentials. The caller owns the client and closes it. */
  public static KmsClient create(KmsSettings settings, AwsCredentialsProvider credentials) {
    return create(settings, credentials, MAX_ATTEMPTS);
  }

  /** Lets a test make one attempt per call, so error responses need no retry backoff. */
  static KmsClient create(
      KmsSettings settings, AwsCredentialsProvider credentials, int maxAttempts) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(credentials, "credentials");
    KmsClientBuilder builder =
        KmsClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(SOCKET_TIMEOUT))
            .overrideConfiguration(
                override ->
                    override
                        .apiCallTimeout(API_CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .retryStrategy(
                            AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(maxAttempts)
                                .build()));
    settings.endpointOverride().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
