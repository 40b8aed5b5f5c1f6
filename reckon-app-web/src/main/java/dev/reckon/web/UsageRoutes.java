package dev.reckon.web;

import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.report.SpendReport;
import dev.reckon.domain.report.SpendRow;
import dev.reckon.domain.shared.Money;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.ReportSpendUseCase;
import dev.reckon.ports.in.SpendQuery;
import dev.reckon.ports.in.SpendTimeseriesUseCase;
import dev.reckon.ports.in.SpendTimeseriesUseCase.Bucket;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * Spend of the caller's organization: the summary that {@code reckon report} prints, and the
 * timeseries behind charts. Billed and estimated figures stay in separate fields, money is a
 * decimal string in the response's currency, and a null figure means no data rather than zero.
 */
final class UsageRoutes {

  private final ReportSpendUseCase reports;
  private final SpendTimeseriesUseCase timeseries;

  UsageRoutes(ReportSpendUseCase reports, SpendTimeseriesUseCase timeseries) {
    this.reports = reports;
    this.timeseries = timeseries;
  }

  void summary(Context ctx) {
    UsageParams.Range range = UsageParams.range(ctx);
    GroupBy groupBy = UsageParams.summaryGroupBy(ctx);
    Optional<Provider> provider = UsageParams.provider(ctx);
    Organization org = AccessFilter.organization(ctx);

    SpendReport report =
        reports.report(new SpendQuery(org.id(), range.from(), range.to(), groupBy, provider));

    Json.write(ctx, 200, SummaryJson.of(report));
  }

  void timeseries(Context ctx) {
    UsageParams.Range range = UsageParams.range(ctx);
    Bucket bucket = UsageParams.bucket(ctx);
    Optional<GroupBy> groupBy = UsageParams.timeseriesGroupBy(ctx);
    Optional<Provider> provider = UsageParams.provider(ctx);
    Organization org = AccessFilter.organization(ctx);

    SpendTimeseriesUseCase.Query query;
    try {
      query =
          new SpendTimeseriesUseCase.Query(
              org.id(), range.from(), range.to(), bucket, groupBy, provider);
    } catch (IllegalArgumentException e) {
      // The query's own checks (hourly range, group_by day) name the parameters and the fix.
      throw ProblemException.validation(e.getMessage());
    }
    List<SpendTimeseriesUseCase.Point> points = timeseries.timeseries(query);

    Json.write(
        ctx,
        200,
        new TimeseriesJson(
            range.from().toString(),
            range.to().toString(),
            org.timeZone().getId(),
            UsageParams.lowerCase(bucket),
            groupBy.map(GroupBy::id).orElse(null),
            Money.USD,
            points.stream().map(PointJson::of).toList()));
  }

  static String money(Money money) {
    return money == null ? null : money.toDecimalString();
  }

  record SummaryJson(
      String from,
      String to,
      String timeZone,
      String groupBy,
      String currency,
      String priceTableVersion,
      String totalBilled,
      String totalEstimated,
      String totalEstimateStatus,
      List<String> unpricedModels,
      List<RowJson> rows) {

    static SummaryJson of(SpendReport report) {
      return new SummaryJson(
          report.from().toString(),
          report.to().toString(),
          report.zone().getId(),
          report.groupBy().id(),
          report.currency(),
          report.priceTableVersion(),
          money(report.totalBilled()),
          money(report.totalEstimated()),
          report.totalEstimateStatus().id(),
          report.unpricedModels(),
          report.rows().stream().map(RowJson::of).toList());
    }
  }

  record RowJson(
      String group,
      String label,
      String billed,
      String estimated,
      String estimateStatus,
      long inputTokens,
      long outputTokens,
      Long requests) {

    static RowJson of(SpendRow row) {
      return new RowJson(
          row.group(),
          row.label(),
          money(row.billed()),
          money(row.estimated()),
          row.estimateStatus().id(),
          row.inputTokens(),
          row.outputTokens(),
          row.requests());
    }
  }

  record TimeseriesJson(
      String from,
      String to,
      String timeZone,
      String bucket,
      String groupBy,
      String currency,
      List<PointJson> points) {}

  record PointJson(
      String start,
      String group,
      String billed,
      String estimated,
      long inputTokens,
      long outputTokens,
      Long requests) {

    static PointJson of(SpendTimeseriesUseCase.Point point) {
      return new PointJson(
          point.start().toString(),
          point.group(),
          money(point.billed()),
          money(point.estimated()),
          point.inputTokens(),
          point.outputTokens(),
          point.requests());
    }
  }
}
