package dev.reckon.adapter.kms;

import dev.reckon.adapter.kms.aws.KmsSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The master key that wraps data keys: the local key file (development) or an AWS KMS key. Both
 * apps read it from the same environment variables, so the web tier and the worker cannot disagree.
 *
 * <ul>
 *   <li>{@code RECKON_MASTER_KEY}: {@code local} (the default outside production) or {@code
 *       aws-kms} (required in production).
 *   <li>{@code RECKON_MASTER_KEY_FILE}: the local key file, default {@code .reckon/master-key}.
 *   <li>{@code RECKON_KMS_KEY_ID}, {@code RECKON_KMS_REGION}: the KMS key and its region.
 *   <li>{@code RECKON_KMS_PREVIOUS_KEY_IDS}: comma-separated key ARNs whose records still open.
 *   <li>{@code RECKON_KMS_ENDPOINT}: an endpoint in place of the regional one (a VPC endpoint).
 * </ul>
 */
public final class MasterKeyConfig {

  /** The kinds of master key. */
  public enum Kind {
    LOCAL,
    AWS_KMS
  }

  static final String DEFAULT_FILE = ".reckon/master-key";

  private final Kind kind;
  private final Path localFile;
  private final KmsSettings kms;

  private MasterKeyConfig(Kind kind, Path localFile, KmsSettings kms) {
    this.kind = kind;
    this.localFile = localFile;
    this.kms = kms;
  }

  /** Returns a configuration using the local key file at {@code file}. */
  public static MasterKeyConfig local(Path file) {
    return new MasterKeyConfig(Kind.LOCAL, Objects.requireNonNull(file, "file"), null);
  }

  /** Returns a configuration using the AWS KMS key that {@code settings} names. */
  public static MasterKeyConfig awsKms(KmsSettings settings) {
    return new MasterKeyConfig(Kind.AWS_KMS, null, Objects.requireNonNull(settings, "settings"));
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @throws IllegalArgumentException naming the variable, its value and the fix, including when
   *     production mode is asked to use the local key file
   */
  public static MasterKeyConfig fromEnvironment(Map<String, String> env, boolean production) {
    String mode = text(env, "RECKON_MASTER_KEY", production ? null : "local");
    if (mode == null) {
      throw new IllegalArgumentException(
          "RECKON_MASTER_KEY is not set and RECKON_ENV=production: set it to aws-kms and"
              + " configure RECKON_KMS_KEY_ID and RECKON_KMS_REGION");
    }
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "local" -> {
        if (production) {
          throw new IllegalArgumentException(
              "RECKON_MASTER_KEY=local is not allowed when RECKON_ENV=production: the local key"
                  + " file is for development only. Set RECKON_MASTER_KEY=aws-kms");
        }
        return local(Path.of(text(env, "RECKON_MASTER_KEY_FILE", DEFAULT_FILE)));
      }
      case "aws-kms" -> {
        return awsKms(
            KmsSettings.of(
                required(
                    env,
                    "RECKON_KMS_KEY_ID",
                    "the key ARN of the KMS key (the web tier also accepts an alias)"),
                list(env, "RECKON_KMS_PREVIOUS_KEY_IDS"),
                required(env, "RECKON_KMS_REGION", "the key's AWS region, such as eu-west-1"),
                endpoint(env),
                production));
      }
      default ->
          throw new IllegalArgumentException(
              "RECKON_MASTER_KEY '" + mode + "' is invalid: use local or aws-kms");
    }
  }

  public Kind kind() {
    return kind;
  }

  /**
   * Returns the local key file.
   *
   * @throws IllegalStateException when the master key is a KMS key
   */
  public Path localFile() {
    if (kind != Kind.LOCAL) {
      throw new IllegalStateException("the master key is an AWS KMS key, not a local key file");
    }
    return localFile;
  }

  /**
   * Returns the KMS settings.
   *
   * @throws IllegalStateException when the master key is the local key file
   */
  public KmsSettings kms() {
    if (kind != Kind.AWS_KMS) {
      throw new IllegalStateException("the master key is a local key file, not an AWS KMS key");
    }
    return kms;
  }

  @Override
  public String toString() {
    return kind == Kind.LOCAL ? "local key file " + localFile : "AWS KMS " + kms;
  }

  private static String text(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String required(Map<String, String> env, String name, String expected) {
    String value = text(env, name, null);
    if (value == null) {
      throw new IllegalArgumentException(
          name + " is not set and RECKON_MASTER_KEY=aws-kms: set it to " + expected);
    }
    return value;
  }

  private static List<String> list(Map<String, String> env, String name) {
    String value = text(env, name, "");
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static URI endpoint(Map<String, String> env) {
    String value = text(env, "RECKON_KMS_ENDPOINT", null);
    if (value == null) {
      return null;
    }
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "RECKON_KMS_ENDPOINT '"
              + value
              + "' is not a valid URL: use a URL such as https://kms.eu-west-1.amazonaws.com",
          e);
    }
  }
}
