package dev.reckon.web.auth;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Command-line entry point that prints a development sign-in token. It refuses to run when {@code
 * RECKON_ENV=production}. Run with {@code --help} for the options.
 */
public final class DevTokenMain {

  static final int EXIT_OK = 0;
  static final int EXIT_FAILED = 1;
  static final int EXIT_USAGE = 2;

  private static final String PROGRAM = "dev-token";

  private DevTokenMain() {}

  public static void main(String[] args) {
    // The token must be the only output on stdout so that scripts can capture it. Logback's
    // default console appender writes to whatever System.out is at the time, so point that at
    // stderr and keep the real stdout for the token.
    PrintStream stdout = System.out;
    System.setOut(System.err);
    System.exit(run(args, System.getenv(), Clock.systemUTC(), stdout, System.err));
  }

  static int run(
      String[] args, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
    if ("production".equals(env.get("RECKON_ENV"))) {
      err.println(
          PROGRAM
              + ": development tokens are rejected in production (RECKON_ENV=production):"
              + " sign in through Clerk instead");
      return EXIT_USAGE;
    }

    DevTokenArguments arguments;
    try {
      arguments = DevTokenArguments.parse(args);
    } catch (IllegalArgumentException e) {
      err.println(PROGRAM + ": " + e.getMessage());
      return EXIT_USAGE;
    }
    if (arguments == null) {
      out.print(DevTokenArguments.USAGE);
      return EXIT_OK;
    }

    try {
      DevSigningKeys keys = DevSigningKeys.loadOrCreate(arguments.keysFolder());
      out.println(
          new DevTokens(keys, clock)
              .issue(arguments.userId(), arguments.org(), arguments.role(), arguments.ttl()));
      return EXIT_OK;
    } catch (UnableToLoadDevSigningKeysException e) {
      err.println(PROGRAM + ": " + e.getMessage());
      return EXIT_FAILED;
    }
  }
}
