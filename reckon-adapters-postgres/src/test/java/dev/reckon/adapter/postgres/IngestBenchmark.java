package dev.reckon.adapter.postgres;

import dev.reckon.adapter.postgres.testing.TestDatabase;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.TimeWindow;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.usage.BucketWidth;
import dev.reckon.domain.usage.TokenCounts;
import dev.reckon.domain.usage.UsageBucket;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.ports.out.WindowScope;
import dev.reckon.ports.testing.Fixtures;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Measures ingest throughput of {@link JdbiUsageRepository#replaceUsage} against plain {@code COPY}
 * into a table with no index and no row-level security, in the same run and database.
 *
 * <p>Writes hourly usage of one provider key with {@code --keys} API keys and {@code --models}
 * models for {@code --hours} hours, in calendar-month windows as ingestion does. Defaults: one year
 * (8,760 hours), 50 keys, 20 models, so 8.76 million rows. Run with:
 *
 * <pre>
 * mvn -B -pl reckon-adapters-postgres test-compile exec:java -Dexec.args="--hours 744"
 * </pre>
 */
public final class IngestBenchmark {

  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    System.out.printf(
        "Writing %,d rows: %d hours x %d API keys x %d models, %,d rows per statement%n",
        options.rows(),
        options.hours(),
        options.keys(),
        options.models(),
        options.rowsPerStatement());

    try (TestDatabase database = TestDatabase.create()) {
      ProviderKeyRecord key = createKey(database);
      List<TimeWindow> months = months(options.hours());

      Result replace = runReplace(database, key, months, options);
      print("replaceUsage (upsert from unnest, RLS)", replace);
      Result repoll = runRepoll(database, key, months.get(months.size() - 1), options);
      print("replaceUsage of last window, unchanged", repoll);
      Result copy = runCopy(database, months, options);
      print("COPY into table without index or RLS", copy);

      System.out.printf(
          "COPY is %.2f times as fast as replaceUsage%n",
          copy.rowsPerSecond() / replace.rowsPerSecond());
    }
  }

  private static Result runReplace(
      TestDatabase database, ProviderKeyRecord key, List<TimeWindow> months, Options options) {
    JdbiUsageRepository usage =
        new JdbiUsageRepository(database.worker(), options.rowsPerStatement());
    Result total = new Result(0, 0);
    for (TimeWindow month : months) {
      total = total.plus(replace(usage, key, month, options));
    }
    return total;
  }

  // Re-polling an unchanged window is what ingestion does most often: it reads and compares every
  // row but writes none.
  private static Result runRepoll(
      TestDatabase database, ProviderKeyRecord key, TimeWindow month, Options options) {
    JdbiUsageRepository usage =
        new JdbiUsageRepository(database.worker(), options.rowsPerStatement());
    return replace(usage, key, month, options);
  }

  private static Result replace(
      JdbiUsageRepository usage, ProviderKeyRecord key, TimeWindow month, Options options) {
    List<UsageBucket> buckets = buckets(month, options);
    long started = System.nanoTime();
    usage.replaceUsage(new WindowScope(key.orgId(), key.id(), key.provider(), month), buckets);
    return new Result(buckets.size(), System.nanoTime() - started);
  }

  private static Result runCopy(TestDatabase database, List<TimeWindow> months, Options options)
      throws SQLException, IOException {
    try (Connection connection = database.ownerDataSource().getConnection()) {
      connection
          .createStatement()
          .execute("create table public.usage_copy (like reckon.usage_buckets excluding all)");
      long rows = 0;
      long nanos = 0;
      for (TimeWindow month : months) {
        List<UsageBucket> buckets = buckets(month, options);
        long started = System.nanoTime();
        copy(connection.unwrap(PGConnection.class), buckets);
        nanos += System.nanoTime() - started;
        rows += buckets.size();
      }
      return new Result(rows, nanos);
    }
  }

  private static void copy(PGConnection connection, List<UsageBucket> buckets)
      throws SQLException, IOException {
    String sql = "copy public.usage_copy from stdin";
    String org = "00000000-0000-4000-8000-000000000001";
    String key = "00000000-0000-4000-8000-000000000002";
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new PGCopyOutputStream(connection, sql, 1 << 16), StandardCharsets.UTF_8),
            1 << 16)) {
      for (UsageBucket b : buckets) {
        TokenCounts t = b.tokens();
        out.write(
            org
                + '\t'
                + key
                + "\topenai\t1h\t"
                + b.start()
                + '\t'
                + b.model()
                + '\t'
                + b.project()
                + '\t'
                + b.apiKey()
                + '\t'
                + b.serviceTier()
                + '\t'
                + t.uncachedInput()
                + '\t'
                + t.cachedInput()
                + '\t'
                + t.cacheWrite5m()
                + '\t'
                + t.cacheWrite1h()
                + '\t'
                + t.output()
                + '\t'
                + b.requests()
                + '\n');
      }
    }
  }

  private static List<UsageBucket> buckets(TimeWindow month, Options options) {
    List<UsageBucket> buckets = new ArrayList<>();
    for (Instant hour = month.start(); hour.isBefore(month.end()); hour = hour.plusSeconds(3600)) {
      for (int k = 0; k < options.keys(); k++) {
        for (int m = 0; m < options.models(); m++) {
          long seed = hour.getEpochSecond() / 3600 * 31 + k * 7L + m;
          buckets.add(
              new UsageBucket(
                  Provider.OPENAI,
                  hour,
                  BucketWidth.HOUR,
                  "model-" + m,
                  "proj_" + (k % 5),
                  "key_" + k,
                  "default",
                  new TokenCounts(seed % 9_000, seed % 700, 0, 0, seed % 3_000),
                  1 + seed % 40));
        }
      }
    }
    return buckets;
  }

  // Calendar months from the start, the last one cut at the requested number of hours.
  private static List<TimeWindow> months(int hours) {
    Instant end = START.plusSeconds(3600L * hours);
    List<TimeWindow> months = new ArrayList<>();
    ZonedDateTime monthStart = START.atZone(ZoneOffset.UTC);
    while (monthStart.toInstant().isBefore(end)) {
      Instant next = monthStart.plusMonths(1).toInstant();
      months.add(new TimeWindow(monthStart.toInstant(), next.isBefore(end) ? next : end));
      monthStart = monthStart.plusMonths(1);
    }
    return months;
  }

  private static ProviderKeyRecord createKey(TestDatabase database) {
    Organization organization = Fixtures.organization();
    new JdbiOrganizationRepository(database.web()).insert(organization);
    ProviderKeyRecord key = Fixtures.providerKey(organization.id(), Provider.OPENAI, START);
    new JdbiProviderKeyRepository(database.web()).insert(key);
    return key;
  }

  private static void print(String label, Result result) {
    System.out.printf(
        "%-40s %,12d rows in %8.1f s = %,10.0f rows/s%n",
        label, result.rows(), result.nanos() / 1e9, result.rowsPerSecond());
  }

  private record Result(long rows, long nanos) {
    Result plus(Result other) {
      return new Result(rows + other.rows, nanos + other.nanos);
    }

    double rowsPerSecond() {
      return rows / (nanos / 1e9);
    }
  }

  private record Options(int hours, int keys, int models, int rowsPerStatement) {

    static Options parse(String[] args) {
      int hours = 8_760;
      int keys = 50;
      int models = 20;
      int rowsPerStatement = JdbiUsageRepository.DEFAULT_MAX_ROWS_PER_STATEMENT;
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + args[i] + " is missing its value");
        }
        int value = Integer.parseInt(args[i + 1]);
        switch (args[i]) {
          case "--hours" -> hours = value;
          case "--keys" -> keys = value;
          case "--models" -> models = value;
          case "--rows-per-statement" -> rowsPerStatement = value;
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + args[i]
                      + ": expected --hours, --keys, --models or --rows-per-statement");
        }
      }
      return new Options(hours, keys, models, rowsPerStatement);
    }

    long rows() {
      return (long) hours * keys * models;
    }
  }
}
