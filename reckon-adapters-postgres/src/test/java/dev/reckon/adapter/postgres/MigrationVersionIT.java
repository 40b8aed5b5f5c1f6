package dev.reckon.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MigrationVersionIT {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

  @Test
  void latestVersionMatchesTheNewestMigrationFile() throws IOException {
    // The sources, not the class path: under Failsafe the migrations sit inside the module's jar.
    Path folder = Path.of("src", "main", "resources", "db", "migration");

    int newest;
    try (Stream<Path> files = Files.list(folder)) {
      newest =
          files
              .map(file -> VERSIONED.matcher(file.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(match -> Integer.parseInt(match.group(1)))
              .max()
              .orElseThrow();
    }

    assertThat(Migrations.LATEST_VERSION).isEqualTo(newest);
  }

  @Test
  void appRolesReadTheAppliedVersion() {
    try (TestDatabase database = TestDatabase.create()) {
      int asWeb = Migrations.appliedVersion(database.web());
      int asWorker = Migrations.appliedVersion(database.worker());

      assertThat(asWeb).isEqualTo(Migrations.LATEST_VERSION);
      assertThat(asWorker).isEqualTo(Migrations.LATEST_VERSION);
    }
  }
}
