package dev.reckon.domain.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/** The short, URL-safe name an organization is addressed by on the command line. */
public record OrgSlug(String value) {

  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  public OrgSlug {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "organization slug '"
              + value
              + "' is invalid: use 2 to 63 lower-case letters, digits"
              + " and hyphens, starting with a letter or digit");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
