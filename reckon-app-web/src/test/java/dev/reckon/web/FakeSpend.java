package dev.reckon.web;

import dev.reckon.domain.report.EstimateStatus;
import dev.reckon.domain.report.SpendReport;
import dev.reckon.domain.report.SpendRow;
import dev.reckon.domain.shared.Money;
import dev.reckon.ports.in.ReportSpendUseCase;
import dev.reckon.ports.in.SpendQuery;
import dev.reckon.ports.in.SpendTimeseriesUseCase;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Returns a fixed report and timeseries, and records every query it receives. */
final class FakeSpend implements ReportSpendUseCase, SpendTimeseriesUseCase {

  final List<SpendQuery> reportQueries = new CopyOnWriteArrayList<>();
  final List<Query> timeseriesQueries = new CopyOnWriteArrayList<>();

  @Override
  public SpendReport report(SpendQuery query) {
    reportQueries.add(query);
    List<SpendRow> rows =
        List.of(
            new SpendRow(
                "gpt-4o",
                null,
                Money.usd("12.5"),
                Money.usd("11.123456"),
                EstimateStatus.COMPLETE,
                1000,
                200,
                7L),
            new SpendRow("mystery", null, null, null, EstimateStatus.UNPRICED, 50, 5, null));
    return new SpendReport(
        query.from(),
        query.to(),
        ZoneId.of("Europe/Berlin"),
        query.groupBy(),
        "2025-03-01",
        rows,
        Money.usd("12.50"),
        Money.usd("11.123456"),
        EstimateStatus.PARTIAL,
        List.of("openai/mystery"));
  }

  @Override
  public List<Point> timeseries(Query query) {
    timeseriesQueries.add(query);
    return List.of(
        new Point(
            Instant.parse("2025-01-01T23:00:00Z"), "openai", Money.usd("3"), null, 10, 2, null));
  }

  int calls() {
    return reportQueries.size() + timeseriesQueries.size();
  }
}
