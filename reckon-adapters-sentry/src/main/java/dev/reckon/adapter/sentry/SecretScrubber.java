package dev.reckon.adapter.sentry;

import io.sentry.Breadcrumb;
import io.sentry.SentryEvent;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces key-shaped strings with {@value #REDACTED} in text and in every field of a Sentry event
 * or breadcrumb where a key can end up.
 *
 * <p>Patterns cover provider keys ({@code sk-}, {@code sk-proj-}, {@code sk-admin-}, {@code
 * sk-ant-…}), webhook secrets ({@code whsec_}), Slack tokens ({@code xoxb-}, {@code xoxp-}, {@code
 * xoxa-}, {@code xoxr-}, {@code xoxs-}, {@code xoxe-}), JWTs, {@code Bearer} credentials, AWS
 * access key ids ({@code AKIA}/{@code ASIA}), runs of 32 or more hex digits, and runs of 32 or more
 * base64 or base64url characters that contain both lowercase and uppercase letters. The case rule
 * keeps UUIDs, lowercase paths and upper-case constant names readable. A random 32-character base64
 * key lacks one of the two cases with a probability of 2 × (38/64)^32, about 1 in 9 million. Long
 * mixed-case identifiers and paths without dots are redacted too. Pattern matching is a backstop,
 * so code must still keep keys out of messages.
 */
public final class SecretScrubber {

  /** The text that replaces every secret. */
  public static final String REDACTED = "[redacted]";

  private static final String QUOTED_REDACTED = Matcher.quoteReplacement(REDACTED);

  private static final List<Pattern> KEY_PATTERNS =
      List.of(
          // '*' is part of the key because providers echo a rejected key partly masked.
          Pattern.compile("(?<![A-Za-z0-9])sk-[A-Za-z0-9_*\\-]{8,}"),
          Pattern.compile("(?<![A-Za-z0-9])whsec_[A-Za-z0-9+/=_\\-]{8,}"),
          Pattern.compile("(?<![A-Za-z0-9])xox[abeprs]-[A-Za-z0-9\\-]{8,}"),
          Pattern.compile(
              "(?<![A-Za-z0-9_\\-])eyJ[A-Za-z0-9_\\-]*\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]*"),
          Pattern.compile("(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
          Pattern.compile("[0-9A-Fa-f]{32,}"));

  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=\\-]+");

  // Hyphens are included so that base64url runs count. That is why a run also has to contain both
  // letter cases: otherwise a UUID (36 characters of hex digits and hyphens) would match.
  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_\\-]{32,}={0,2}");

  private SecretScrubber() {}

  /** Returns {@code text} with every key-shaped substring replaced, or null for null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (Pattern pattern : KEY_PATTERNS) {
      result = pattern.matcher(result).replaceAll(QUOTED_REDACTED);
    }
    result = BEARER.matcher(result).replaceAll("$1" + QUOTED_REDACTED);
    return BASE64_RUN
        .matcher(result)
        .replaceAll(
            run ->
                Matcher.quoteReplacement(hasBothLetterCases(run.group()) ? REDACTED : run.group()));
  }

  /**
   * Scrubs {@code event} in place and returns it: exception values of the whole cause chain, the
   * message with its parameters, breadcrumbs, tags, extras, contexts, transaction name and
   * fingerprints are redacted, the user is removed and the request keeps only its method and its
   * URL without the query string.
   */
  public static SentryEvent scrub(SentryEvent event) {
    EventScrubbing.scrub(event);
    return event;
  }

  /** Scrubs the message and data of {@code breadcrumb} in place and returns it. */
  public static Breadcrumb scrub(Breadcrumb breadcrumb) {
    EventScrubbing.scrub(breadcrumb);
    return breadcrumb;
  }

  private static boolean hasBothLetterCases(String run) {
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < run.length(); i++) {
      char c = run.charAt(i);
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    return lower && upper;
  }
}
