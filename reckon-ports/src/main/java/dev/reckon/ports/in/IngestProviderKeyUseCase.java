package dev.reckon.ports.in;

/**
 * Polls one provider key's usage and cost endpoints and stores what they report.
 *
 * <p>For each dataset the window runs from the watermark minus a restatement look-back (or, on
 * first connect, from the start of the backfill allowed by the plan) to the last complete bucket.
 * Each window chunk is fetched whole and replaced in one transaction, so a failed run commits
 * nothing for the chunk it was in, and running it again gives the same rows.
 */
public interface IngestProviderKeyUseCase {

  /**
   * Ingests the key. A key the provider rejects (401 or 403) is marked as needing attention and
   * reported as such rather than thrown.
   *
   * @throws NoSuchProviderKeyException when the key does not exist in the organization
   * @throws dev.reckon.ports.out.ProviderCallException for other provider failures, whose {@code
   *     isRetryable()} tells whether a later try may succeed
   * @throws dev.reckon.ports.out.UnableToOpenKeyException when the sealed key cannot be opened
   */
  IngestionResult ingest(IngestCommand command);
}
