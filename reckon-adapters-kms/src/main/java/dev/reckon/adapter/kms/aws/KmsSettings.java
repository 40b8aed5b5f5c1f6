package dev.reckon.adapter.kms.aws;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of the AWS KMS master key: the key that wraps new data keys, the keys that wrapped older
 * records and are still accepted for opening, the region, and an optional endpoint override.
 *
 * <p>The sealing side may name its key by key ARN, alias ARN or {@code alias/NAME}. The opening
 * side pins {@code KeyId} on every {@code Decrypt} and compares the key ARN that KMS returns, so it
 * accepts key ARNs only (see {@link #openingKeyArns()}). Key ids and ARNs are not secret, and
 * {@link #toString()} shows them.
 */
public final class KmsSettings {

  /** {@code arn:PARTITION:kms:REGION:ACCOUNT:key/ID}, where ID is a UUID or a multi-Region id. */
  private static final Pattern KEY_ARN =
      Pattern.compile(
          "arn:(aws[a-z-]*):kms:([a-z0-9-]+):([0-9]{12}):key/"
              + "(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  private static final Pattern ALIAS_ARN =
      Pattern.compile("arn:(aws[a-z-]*):kms:([a-z0-9-]+):([0-9]{12}):alias/[A-Za-z0-9/_-]{1,250}");
  private static final Pattern ALIAS_NAME = Pattern.compile("alias/[A-Za-z0-9/_-]{1,250}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
  private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");
  private static final String KEY_ARN_EXAMPLE = "arn:aws:kms:REGION:ACCOUNT_ID:key/KEY_ID";

  private final String keyId;
  private final List<String> previousKeyIds;
  private final String region;
  private final URI endpointOverride;

  private KmsSettings(
      String keyId, List<String> previousKeyIds, String region, URI endpointOverride) {
    this.keyId = keyId;
    this.previousKeyIds = previousKeyIds;
    this.region = region;
    this.endpointOverride = endpointOverride;
  }

  /**
   * Validates and creates settings.
   *
   * @param keyId the key that wraps new data keys: a key ARN, an alias ARN or {@code alias/NAME}
   * @param previousKeyIds key ARNs of earlier master keys whose records the worker still opens, or
   *     an empty list
   * @param region the AWS region of the key, such as {@code eu-west-1}
   * @param endpointOverride a KMS endpoint to use in place of the regional one, or null
   * @param productionMode whether the app runs with {@code RECKON_ENV=production}, which requires
   *     an {@code https} endpoint override
   * @throws IllegalArgumentException naming the invalid value and how to fix it
   */
  public static KmsSettings of(
      String keyId,
      List<String> previousKeyIds,
      String region,
      URI endpointOverride,
      boolean productionMode) {
    requireRegion(region);
    requireKeyId(keyId, region);
    List<String> previous = requirePreviousKeyArns(previousKeyIds, region);
    if (endpointOverride != null) {
      requireEndpoint(endpointOverride, productionMode);
    }
    return new KmsSettings(keyId, previous, region, endpointOverride);
  }

  /** Returns whether {@code id} is a KMS key ARN, {@code arn:aws:kms:REGION:ACCOUNT:key/ID}. */
  public static boolean isKeyArn(String id) {
    return id != null && KEY_ARN.matcher(id).matches();
  }

  /**
   * Returns the region part of a key ARN.
   *
   * @throws IllegalArgumentException when {@code keyArn} is not a key ARN
   */
  static String regionOfKeyArn(String keyArn) {
    Matcher matcher = KEY_ARN.matcher(keyArn);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("'" + keyArn + "' is not a KMS key ARN");
    }
    return matcher.group(2);
  }

  /** Returns whether {@link #keyId()} is a key ARN rather than an alias. */
  public boolean keyIdIsKeyArn() {
    return isKeyArn(keyId);
  }

  /**
   * Returns the key ARNs the opening side accepts: {@link #keyId()} first, then the previous key
   * ARNs, without duplicates.
   *
   * @throws IllegalArgumentException when {@link #keyId()} is an alias, because the worker pins key
   *     ARNs
   */
  public List<String> openingKeyArns() {
    if (!keyIdIsKeyArn()) {
      throw new IllegalArgumentException(
          "KMS key id '"
              + keyId
              + "' is an alias, but the worker pins key ARNs when it decrypts. Set the key ARN ("
              + KEY_ARN_EXAMPLE
              + ") that the alias points to.");
    }
    Set<String> accepted = new LinkedHashSet<>();
    accepted.add(keyId);
    accepted.addAll(previousKeyIds);
    return List.copyOf(accepted);
  }

  public String keyId() {
    return keyId;
  }

  public List<String> previousKeyIds() {
    return previousKeyIds;
  }

  public String region() {
    return region;
  }

  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpointOverride);
  }

  @Override
  public String toString() {
    return "KmsSettings[keyId="
        + keyId
        + ", previousKeyIds="
        + previousKeyIds
        + ", region="
        + region
        + ", endpointOverride="
        + (endpointOverride == null ? "none" : endpointOverride)
        + "]";
  }

  private static void requireRegion(String region) {
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException(
          "KMS region is missing. Set the AWS region of the key, such as eu-west-1.");
    }
    if (!REGION.matcher(region).matches()) {
      throw new IllegalArgumentException(
          "KMS region '" + region + "' is not an AWS region name. Use a name such as eu-west-1.");
    }
  }

  private static void requireKeyId(String keyId, String region) {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException(
          "KMS key id is missing. Set the key ARN ("
              + KEY_ARN_EXAMPLE
              + "), an alias ARN or alias/NAME.");
    }
    Matcher keyArn = KEY_ARN.matcher(keyId);
    Matcher aliasArn = ALIAS_ARN.matcher(keyId);
    if (keyArn.matches()) {
      requireSameRegion(keyId, keyArn.group(2), region);
    } else if (aliasArn.matches()) {
      requireSameRegion(keyId, aliasArn.group(2), region);
    } else if (!ALIAS_NAME.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          "KMS key id '"
              + keyId
              + "' is not a key ARN, an alias ARN or alias/NAME. Set the key ARN ("
              + KEY_ARN_EXAMPLE
              + ") or an alias.");
    }
  }

  private static List<String> requirePreviousKeyArns(List<String> previousKeyIds, String region) {
    Objects.requireNonNull(previousKeyIds, "previousKeyIds (use an empty list for none)");
    List<String> checked = new ArrayList<>();
    for (String previous : previousKeyIds) {
      Matcher keyArn = previous == null ? null : KEY_ARN.matcher(previous);
      if (keyArn == null || !keyArn.matches()) {
        throw new IllegalArgumentException(
            "previous KMS key id '"
                + previous
                + "' is not a key ARN. The worker pins key ARNs when it decrypts, so list each"
                + " earlier key by its key ARN ("
                + KEY_ARN_EXAMPLE
                + ").");
      }
      requireSameRegion(previous, keyArn.group(2), region);
      checked.add(previous);
    }
    return List.copyOf(checked);
  }

  private static void requireSameRegion(String id, String idRegion, String region) {
    if (!idRegion.equals(region)) {
      throw new IllegalArgumentException(
          "KMS key '"
              + id
              + "' is in region "
              + idRegion
              + " but the configured region is "
              + region
              + ". KMS keys are regional, so use a key of "
              + region
              + " or set the region to "
              + idRegion
              + ".");
    }
  }

  private static void requireEndpoint(URI endpoint, boolean productionMode) {
    String scheme =
        endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    String host = endpoint.getHost();
    if (endpoint.getRawUserInfo() != null) {
      // The value is left out of the message because user info can hold a password.
      throw new IllegalArgumentException(
          "KMS endpoint override must not contain user info (user:password@). Remove it. KMS"
              + " requests are signed with the AWS credentials.");
    }
    if (!endpoint.isAbsolute() || host == null) {
      throw invalidEndpoint(endpoint, "must be an absolute URL with a host");
    }
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw invalidEndpoint(endpoint, "must not have a query or fragment");
    }
    if (scheme.equals("https")) {
      return;
    }
    if (!scheme.equals("http")) {
      throw invalidEndpoint(endpoint, "must use https");
    }
    if (productionMode) {
      throw invalidEndpoint(
          endpoint, "must use https in production (RECKON_ENV=production). Use an https URL");
    }
    if (!LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
      throw invalidEndpoint(
          endpoint,
          "may use http only on loopback (127.0.0.1, [::1] or localhost). Use an https URL");
    }
  }

  private static IllegalArgumentException invalidEndpoint(URI endpoint, String rule) {
    return new IllegalArgumentException(
        "KMS endpoint override '"
            + endpoint
            + "' "
            + rule
            + ", or leave it unset for the regional"
            + " endpoint.");
  }
}
