package dev.reckon.worker.bench;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.access.Role;
import dev.reckon.web.WebApp;
import dev.reckon.web.WebServices;
import dev.reckon.web.auth.DevSigningKeys;
import dev.reckon.web.auth.DevTokens;
import dev.reckon.web.wiring.WebConfig;
import dev.reckon.web.wiring.WebWiring;
import dev.reckon.worker.LocalWebConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The two servers under load, both on 127.0.0.1 in this JVM: Reckon's web API built by the real
 * {@link WebWiring} in development sign-in mode, and a bare Javalin app with one constant route.
 */
final class BenchmarkServers implements AutoCloseable {

  static final String BARE_PATH = "/bare";

  private final Path stateDir;
  private final DevSigningKeys keys;
  private final WebWiring wiring;
  private final Javalin api;
  private final Javalin bare;

  BenchmarkServers(TestDatabase database, VerifierCheck verifierCheck) throws IOException {
    this.stateDir = Files.createTempDirectory("reckon-web-bench");
    this.keys = DevSigningKeys.loadOrCreate(stateDir.resolve("dev-signing-keys"));
    this.wiring = new WebWiring(config(database, stateDir, keys), Clock.systemUTC());
    WebServices real = wiring.services();
    WebServices counted = real.withSessions(verifierCheck.counting(real.sessions()));
    this.api = WebApp.create(counted).start("127.0.0.1", 0);
    this.bare = bareApp().start("127.0.0.1", 0);
  }

  /** Returns a member's development token for the benchmark organization, valid for 12 hours. */
  String memberToken() {
    return new DevTokens(keys, Clock.systemUTC())
        .issue(
            DevTokens.defaultUserId(UsageSeeder.SLUG, Role.MEMBER),
            UsageSeeder.SLUG,
            Role.MEMBER,
            Duration.ofHours(12));
  }

  URI api(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + api.port() + "/api/v1" + pathAndQuery);
  }

  URI bare() {
    return URI.create("http://127.0.0.1:" + bare.port() + BARE_PATH);
  }

  @Override
  public void close() throws IOException {
    bare.stop();
    api.stop();
    wiring.close();
    try (Stream<Path> files = Files.walk(stateDir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  // The same startup settings as the web API, and no request logger, JSON mapper or filter.
  private static Javalin bareApp() {
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.showOldJavalinVersionWarning = false;
          config.routes.get(
              BARE_PATH, ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
        });
  }

  private static WebConfig config(TestDatabase database, Path stateDir, DevSigningKeys keys) {
    return LocalWebConfig.of(database, stateDir, keys.folder());
  }
}
