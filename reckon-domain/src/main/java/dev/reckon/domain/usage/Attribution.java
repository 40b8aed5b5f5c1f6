package dev.reckon.domain.usage;

/**
 * The marker stored in place of a dimension the provider left {@code null}.
 *
 * <p>A null model, project or API key in a grouped provider report is a real bucket (the default
 * workspace, Console usage, organization-level charges), so it is kept under this marker rather
 * than dropped, and unique keys still work.
 */
public final class Attribution {

  public static final String NONE = "none";

  private Attribution() {}

  /** Returns the value, or {@link #NONE} when it is null or blank. */
  public static String orNone(String value) {
    return value == null || value.isBlank() ? NONE : value;
  }
}
