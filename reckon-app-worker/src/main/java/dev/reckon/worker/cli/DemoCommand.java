package dev.reckon.worker.cli;

import dev.reckon.domain.report.GroupBy;
import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.tenant.OrgSlug;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.domain.tenant.Plan;
import dev.reckon.ports.in.AddProviderKeyCommand;
import dev.reckon.ports.in.ClerkOrganization;
import dev.reckon.ports.in.CreateOrganizationCommand;
import dev.reckon.ports.in.IngestCommand;
import dev.reckon.ports.in.IngestionResult;
import dev.reckon.ports.in.ReplaceProviderKeyCommand;
import dev.reckon.ports.in.SpendQuery;
import dev.reckon.ports.out.ProviderKeyRecord;
import dev.reckon.worker.Services;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code reckon demo}: the whole product once, against a provider sandbox on loopback. It creates a
 * demo organization, seals one OpenAI and one Anthropic sandbox key through the same use case a
 * real key takes, ingests their usage and cost, and prints a spend report.
 */
@Command(
    name = "demo",
    description =
        "Ingest usage from a running provider sandbox into a demo organization and report it.")
final class DemoCommand implements Callable<Integer> {

  static final OrgSlug DEMO_SLUG = new OrgSlug("demo");

  /**
   * The Clerk organization that development sign-in tokens for {@code --org demo} carry, so that
   * the web API shows the demo organization to them.
   */
  static final ClerkOrganization DEMO_CLERK_ORGANIZATION =
      new ClerkOrganization("org_dev_demo", DEMO_SLUG.value());

  @ParentCommand private ReckonCommand parent;

  @Option(
      names = "--sandbox-state",
      required = true,
      paramLabel = "FILE",
      description = "State file written by the running provider sandbox.")
  private Path sandboxState;

  @Option(
      names = "--days",
      defaultValue = "90",
      paramLabel = "N",
      description = "Days of history to ingest; default: ${DEFAULT-VALUE}.")
  private int days;

  @Option(names = "--once", description = "Exit after the report instead of polling until Ctrl-C.")
  private boolean once;

  @Option(
      names = "--web-hint",
      paramLabel = "TEXT",
      description = "A line about the running web API to repeat after the report (the launcher's).")
  private String webHint;

  @Override
  public Integer call() throws Exception {
    if (days < 1 || days > 365) {
      throw new IllegalArgumentException("--days " + days + " is out of range: use 1 to 365");
    }
    SandboxState sandbox = SandboxState.read(sandboxState);
    PrintStream out = parent.out();
    Services services =
        parent.services(
            parent
                .config()
                .withProviderBaseUrls(sandbox.openAiBaseUrl(), sandbox.anthropicBaseUrl())
                .withMaxBackfillDays(days));

    out.println("[1/5] Preparing the database");
    services.migrate(out);
    out.printf(
        "[2/5] Provider sandbox: OpenAI at %s, Anthropic at %s (seed %d)%n",
        sandbox.openAiBaseUrl(), sandbox.anthropicBaseUrl(), sandbox.seed());
    Organization organization = demoOrganization(services);
    out.printf(
        "[3/5] Organization %s (plan %s, time zone %s)%n",
        organization.slug(), organization.plan().id(), organization.timeZone().getId());
    List<ProviderKeyRecord> keys = sealKeys(services, organization, sandbox, out);
    out.printf(
        "[4/5] Ingesting usage and cost: %d days on the first run, then the recent days that"
            + " providers may still revise%n",
        days);
    boolean allIngested = ingest(services, keys, out);
    out.println("[5/5] Spend report");
    printReport(services, organization, out);

    if (once) {
      pause(services, keys);
      return allIngested ? 0 : 1;
    }
    if (webHint != null) {
      out.println(webHint);
    }
    out.printf(
        "Polling the demo keys every %s; press Ctrl-C to stop%n", parent.config().pollInterval());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  pause(services, keys);
                  out.println(
                      "Demo stopped; its keys are paused, so a worker you run later never sends"
                          + " them to a provider.");
                },
                "reckon-demo-pause"));
    pollUntilInterrupted(services, keys, out);
    return 0;
  }

  private static Organization demoOrganization(Services services) {
    Optional<Organization> existing = services.organizations().findBySlug(DEMO_SLUG);
    return existing.orElseGet(
        () ->
            services
                .createOrganization()
                .create(
                    new CreateOrganizationCommand(
                        DEMO_SLUG,
                        "Demo organization",
                        Plan.PRO,
                        ZoneId.of("UTC"),
                        Optional.of(DEMO_CLERK_ORGANIZATION))));
  }

  /**
   * Seals the sandbox's first key of each provider into the demo organization. A demo key stored by
   * an earlier run is replaced in place rather than added again. It keeps its id and usage history,
   * so nothing is counted twice. It is re-sealed under the current master key, which may differ
   * from the one of the earlier run.
   */
  private static List<ProviderKeyRecord> sealKeys(
      Services services, Organization organization, SandboxState sandbox, PrintStream out) {
    List<ProviderKeyRecord> keys = new ArrayList<>();
    for (Provider provider : Provider.values()) {
      String label = "sandbox " + provider.id();
      Optional<ProviderKeyRecord> existing = demoKey(services, organization, label);
      SecretBytes secret = SecretBytes.fromChars(sandbox.firstKey(provider).key().toCharArray());
      if (existing.isPresent()) {
        services
            .replaceProviderKey()
            .replace(new ReplaceProviderKeyCommand(organization.id(), existing.get().id(), secret));
      } else {
        services
            .addProviderKey()
            .add(new AddProviderKeyCommand(organization.id(), provider, label, secret, "demo"));
      }

      ProviderKeyRecord key = demoKey(services, organization, label).orElseThrow();
      out.printf(
          "      %s key %s %s%n",
          provider.id(),
          key.hint().display(),
          existing.isPresent() ? "re-sealed in place" : "sealed and stored");
      keys.add(key);
    }
    return keys;
  }

  private static Optional<ProviderKeyRecord> demoKey(
      Services services, Organization organization, String label) {
    return services.webKeys().list(organization.id()).stream()
        .filter(key -> key.label().equals(label))
        .findFirst();
  }

  /**
   * Pauses the demo keys, so that a worker run later against the real provider URLs does not send
   * these sandbox keys to the real providers. The next demo run reactivates them.
   */
  private static void pause(Services services, List<ProviderKeyRecord> keys) {
    for (ProviderKeyRecord key : keys) {
      services.webKeys().markPaused(key.orgId(), key.id());
    }
  }

  private boolean ingest(Services services, List<ProviderKeyRecord> keys, PrintStream out) {
    boolean allIngested = true;
    for (ProviderKeyRecord key : keys) {
      IngestionResult result =
          services
              .ingestion()
              .ingest(new IngestCommand(key.orgId(), key.id(), new ProgressPrinter(out)));
      out.printf(
          "      %s key %s: %s, %d usage rows, %d cost rows%s%n",
          key.provider().id(),
          key.hint().display(),
          result.outcome().name().toLowerCase(),
          result.usageRows(),
          result.costRows(),
          result.detail() == null ? "" : " (" + result.detail() + ")");
      allIngested &= result.outcome() == IngestionResult.Outcome.INGESTED;
    }
    return allIngested;
  }

  /**
   * Polls only the demo organization's keys, so other organizations' keys never reach the sandbox.
   */
  private void pollUntilInterrupted(
      Services services, List<ProviderKeyRecord> keys, PrintStream out)
      throws InterruptedException {
    while (!Thread.currentThread().isInterrupted()) {
      Thread.sleep(parent.config().pollInterval().toMillis());
      ingest(services, keys, out);
    }
  }

  private void printReport(Services services, Organization organization, PrintStream out) {
    LocalDate today = LocalDate.now(services.clock().withZone(organization.timeZone()));
    SpendQuery query =
        new SpendQuery(
            organization.id(), today.minusDays(days - 1L), today, GroupBy.MODEL, Optional.empty());
    ReportWriter.write(
        services.reportSpend().report(query), organization.slug().value(), ReportFormat.TABLE, out);
    out.println();
    out.println(
        "More: ./reckon report --org demo --group-by day|model|provider|api-key|project"
            + " --format table|json|csv");
  }
}
