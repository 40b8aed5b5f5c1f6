package dev.reckon.worker;

import dev.reckon.adapter.kms.MasterKeyConfig;
import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.web.wiring.WebConfig;
import java.nio.file.Path;
import java.util.Set;

/**
 * The web API's settings for a test: a free port on 127.0.0.1, the test database as the web role,
 * the local master key file of {@code stateDir} and development sign-in.
 */
public final class LocalWebConfig {

  private LocalWebConfig() {}

  public static WebConfig of(TestDatabase database, Path stateDir, Path devKeysFolder) {
    return new WebConfig(
        false,
        "127.0.0.1",
        0,
        database.settings().host(),
        database.settings().port(),
        database.settings().database(),
        "disable",
        database.roles().web(),
        null,
        MasterKeyConfig.local(stateDir.resolve("master-key")),
        null,
        null,
        null,
        Set.of(),
        devKeysFolder);
  }
}
