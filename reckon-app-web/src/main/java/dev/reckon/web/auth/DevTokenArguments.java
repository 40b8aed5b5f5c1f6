package dev.reckon.web.auth;

import dev.reckon.domain.access.Role;
import dev.reckon.domain.tenant.OrgSlug;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The parsed command line of {@link DevTokenMain}. */
record DevTokenArguments(OrgSlug org, Role role, String userId, Path keysFolder, Duration ttl) {

  static final String USAGE =
      """
      Usage: dev-token --org SLUG --role admin|member [--user ID] [--keys-dir DIR] [--ttl DURATION]
      Prints a development session token for the web API, to send as 'Authorization: Bearer TOKEN'.
      Only a web API in development mode accepts it.
        --org SLUG        organization slug; the token's organization id is org_dev_SLUG
        --role ROLE       admin or member
        --user ID         user id (sub); default user_dev_SLUG_ROLE
        --keys-dir DIR    folder of the development signing keys, created when missing;
                          default .reckon/dev-signing-keys
        --ttl DURATION    token lifetime, an ISO-8601 duration from PT1S to PT24H; default PT1H
      """;

  /**
   * Parses {@code args}. Returns null when they ask for help.
   *
   * @throws IllegalArgumentException naming the option, the value and the fix
   */
  static DevTokenArguments parse(String[] args) {
    String org = null;
    String role = null;
    String user = null;
    String keysDir = null;
    String ttl = null;
    for (int i = 0; i < args.length; i += 2) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return null;
      }
      String value = valueOf(args, i);
      switch (option) {
        case "--org" -> org = value;
        case "--role" -> role = value;
        case "--user" -> user = value;
        case "--keys-dir" -> keysDir = value;
        case "--ttl" -> ttl = value;
        default ->
            throw new IllegalArgumentException(
                "unknown option '"
                    + option
                    + "': use --org, --role, --user, --keys-dir or --ttl (see --help)");
      }
    }
    return build(org, role, user, keysDir, ttl);
  }

  private static DevTokenArguments build(
      String org, String role, String user, String keysDir, String ttl) {
    if (org == null) {
      throw new IllegalArgumentException(
          "--org is missing: pass the organization slug, for example --org acme");
    }
    if (role == null) {
      throw new IllegalArgumentException("--role is missing: pass --role admin or --role member");
    }
    OrgSlug slug = new OrgSlug(org);
    Role parsedRole = parseRole(role);
    if (user != null) {
      DevTokens.requireUserId(user);
    }
    return new DevTokenArguments(
        slug,
        parsedRole,
        user == null ? DevTokens.defaultUserId(slug, parsedRole) : user,
        keysDir == null ? DevSigningKeys.DEFAULT_FOLDER : Path.of(keysDir),
        ttl == null ? DevTokens.DEFAULT_TTL : parseTtl(ttl));
  }

  private static String valueOf(String[] args, int optionIndex) {
    if (optionIndex + 1 >= args.length || args[optionIndex + 1].startsWith("--")) {
      throw new IllegalArgumentException(args[optionIndex] + " needs a value (see --help)");
    }
    return args[optionIndex + 1];
  }

  private static Role parseRole(String role) {
    return switch (role) {
      case "admin" -> Role.ADMIN;
      case "member" -> Role.MEMBER;
      default ->
          throw new IllegalArgumentException(
              "--role '" + role + "' is invalid: use admin or member");
    };
  }

  private static Duration parseTtl(String ttl) {
    try {
      Duration duration = Duration.parse(ttl);
      DevTokens.requireTtl(duration);
      return duration;
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--ttl '"
              + ttl
              + "' is invalid: use an ISO-8601 duration from PT1S to PT24H, such as PT1H",
          e);
    }
  }
}
