package dev.reckon.worker.cli;

import dev.reckon.domain.secret.SecretBytes;
import dev.reckon.domain.shared.Provider;
import dev.reckon.domain.shared.ProviderKeyId;
import dev.reckon.domain.tenant.Organization;
import dev.reckon.ports.in.AddProviderKeyCommand;
import dev.reckon.ports.in.AddedProviderKey;
import dev.reckon.ports.in.ReplaceProviderKeyCommand;
import dev.reckon.ports.in.RewrapKeysUseCase;
import dev.reckon.ports.out.ProviderKeyRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code reckon keys}: provider admin key management. */
@Command(
    name = "keys",
    description = "Manage provider admin keys.",
    subcommands = {
      KeysCommand.Add.class,
      KeysCommand.Replace.class,
      KeysCommand.ListKeys.class,
      KeysCommand.RotateMasterKey.class,
      KeysCommand.Rewrap.class
    })
final class KeysCommand {

  @ParentCommand ReckonCommand parent;

  /** {@code reckon keys add}: reads a key from standard input, seals it and stores it. */
  @Command(
      name = "add",
      description = {
        "Seal and store a provider admin key read from standard input.",
        "The key is never taken from the command line, where ps and shell history would show it."
      })
  static final class Add implements Callable<Integer> {

    @ParentCommand private KeysCommand keys;

    @Option(
        names = "--org",
        required = true,
        paramLabel = "SLUG",
        description = "Organization slug.")
    private String org;

    @Option(
        names = "--provider",
        required = true,
        paramLabel = "PROVIDER",
        description = "openai or anthropic.")
    private String provider;

    @Option(
        names = "--label",
        required = true,
        paramLabel = "TEXT",
        description = "A name for the key, shown in lists.")
    private String label;

    @Option(
        names = "--created-by",
        defaultValue = "cli",
        paramLabel = "WHO",
        description = "Who added the key, recorded with it; default: ${DEFAULT-VALUE}.")
    private String createdBy;

    @Override
    public Integer call() throws IOException {
      Provider parsed = Provider.fromId(provider);
      ReckonCommand parent = keys.parent;
      Organization organization = OrgArgument.resolve(parent.services().organizations(), org);

      SecretBytes key =
          SecretInput.readKey(
              System.console(), parent.in(), "Paste the " + parsed.id() + " admin key: ");
      AddedProviderKey added =
          parent
              .services()
              .addProviderKey()
              .add(new AddProviderKeyCommand(organization.id(), parsed, label, key, createdBy));

      parent
          .out()
          .printf(
              "Added %s key %s %s to %s; the worker polls it on its next pass%n",
              parsed.id(), added.id(), added.hint().display(), organization.slug());
      return 0;
    }
  }

  /** {@code reckon keys replace}: replaces a stored key's secret, read from standard input. */
  @Command(
      name = "replace",
      description = {
        "Replace a stored key's secret with a new admin key read from standard input, and resume"
            + " polling it.",
        "The key keeps its id and usage history; use it after the provider rejected the old key."
      })
  static final class Replace implements Callable<Integer> {

    @ParentCommand private KeysCommand keys;

    @Option(
        names = "--org",
        required = true,
        paramLabel = "SLUG",
        description = "Organization slug.")
    private String org;

    @Option(
        names = "--id",
        required = true,
        paramLabel = "KEY_ID",
        description = "Id of the stored key, as shown by keys list.")
    private String id;

    @Override
    public Integer call() throws IOException {
      ProviderKeyId keyId = ProviderKeyId.parse(id);
      ReckonCommand parent = keys.parent;
      Organization organization = OrgArgument.resolve(parent.services().organizations(), org);

      SecretBytes key =
          SecretInput.readKey(System.console(), parent.in(), "Paste the new admin key: ");
      AddedProviderKey replaced =
          parent
              .services()
              .replaceProviderKey()
              .replace(new ReplaceProviderKeyCommand(organization.id(), keyId, key));

      parent
          .out()
          .printf(
              "Replaced key %s, now %s; the worker polls it on its next pass%n",
              replaced.id(), replaced.hint().display());
      return 0;
    }
  }

  /** {@code reckon keys list}. */
  @Command(
      name = "list",
      description = "List an organization's provider keys (never the keys themselves).")
  static final class ListKeys implements Callable<Integer> {

    @ParentCommand private KeysCommand keys;

    @Option(
        names = "--org",
        required = true,
        paramLabel = "SLUG",
        description = "Organization slug.")
    private String org;

    @Override
    public Integer call() {
      ReckonCommand parent = keys.parent;
      Organization organization = OrgArgument.resolve(parent.services().organizations(), org);

      List<ProviderKeyRecord> stored = parent.services().webKeys().list(organization.id());
      if (stored.isEmpty()) {
        parent.out().printf("No provider keys in %s; add one with ./reckon keys add%n", org);
        return 0;
      }
      parent
          .out()
          .printf("%-36s  %-9s  %-6s  %-15s  %s%n", "ID", "PROVIDER", "KEY", "STATUS", "LABEL");
      for (ProviderKeyRecord key : stored) {
        parent
            .out()
            .printf(
                "%s  %-9s  %-6s  %-15s  %s%s%n",
                key.id(),
                key.provider().id(),
                key.hint().display(),
                key.status().id(),
                key.label(),
                key.attentionReason() == null ? "" : " (" + key.attentionReason() + ")");
      }
      return 0;
    }
  }

  /** {@code reckon keys rotate-master-key}: adds a version to the local master key file. */
  @Command(
      name = "rotate-master-key",
      description = {
        "Add a new version to the local master key file; new seals use it from then on.",
        "Restart running web and worker processes, then run ./reckon keys rewrap.",
        "An AWS KMS master key is rotated in KMS instead."
      })
  static final class RotateMasterKey implements Callable<Integer> {

    @ParentCommand private KeysCommand keys;

    @Override
    public Integer call() {
      ReckonCommand parent = keys.parent;
      String keyId = parent.services().rotateLocalMasterKey();
      parent.out().printf("New seals now use master key %s.%n", keyId);
      parent
          .out()
          .println(
              "Older versions stay to open what they sealed. Restart running web and worker"
                  + " processes, then run ./reckon keys rewrap to move every key to "
                  + keyId
                  + ".");
      return 0;
    }
  }

  /** {@code reckon keys rewrap}: moves every data key to the current master key. */
  @Command(
      name = "rewrap",
      description = {
        "Re-wrap the data key of every stored provider key under the current master key.",
        "Provider keys are not decrypted. Safe to stop and run again: finished keys are skipped.",
        "With the local master key file, versions no key uses any more are then removed."
      })
  static final class Rewrap implements Callable<Integer> {

    private static final int PROGRESS_EVERY = 100;

    @ParentCommand private KeysCommand keys;

    @Option(
        names = "--in-background",
        description = "Leave the work to the running workers as a one-off job, and return at once.")
    private boolean inBackground;

    @Override
    public Integer call() {
      ReckonCommand parent = keys.parent;
      PrintStream out = parent.out();
      if (inBackground) {
        boolean scheduled = parent.services().scheduleRewrap();
        out.println(
            scheduled
                ? "Re-wrapping scheduled; a running worker does it and logs a summary line."
                : "A re-wrap is already scheduled.");
        return 0;
      }
      RewrapKeysUseCase.Summary summary =
          parent
              .services()
              .rewrapKeys()
              .rewrapAll(
                  (done, total) -> {
                    if (done % PROGRESS_EVERY == 0 || done == total) {
                      out.printf("  %d of %d keys visited%n", done, total);
                    }
                  });
      out.printf(
          "%d keys re-wrapped, %d already under %s, %d failed, %d replaced meanwhile.%n",
          summary.rewrapped(),
          summary.alreadyCurrent(),
          summary.currentMasterKeyId(),
          summary.failed(),
          summary.changedMeanwhile());
      if (!summary.retiredMasterKeyIds().isEmpty()) {
        out.printf(
            "Retired master key versions no key uses: %s%n",
            String.join(", ", summary.retiredMasterKeyIds()));
      }
      if (summary.failed() > 0) {
        parent
            .err()
            .printf(
                "reckon: %d keys could not be re-wrapped (ids: %s): their sealed records fail"
                    + " authentication or name a master key that is not configured. Replace them"
                    + " with ./reckon keys replace, then run ./reckon keys rewrap again.%n",
                summary.failed(), String.join(", ", summary.failedKeys()));
        return 1;
      }
      return 0;
    }
  }
}
