package dev.reckon.sandbox;

/**
 * The traffic profile of a usage stream: the scale of its hourly traffic and the mix of its tokens.
 *
 * @param density the probability that a busy business hour has any traffic
 * @param requestsPerHour the mean number of requests in a busy hour
 * @param inputPerRequest the mean input tokens per request
 * @param outputPerRequest the mean output tokens per request
 * @param cacheReadShare the maximum share of input read from the cache
 * @param cacheWriteShare the maximum share of the remaining input written to the cache
 * @param cacheWrite1hShare the share of cache writes that go to Anthropic's one-hour cache
 * @param webSearchesPerRequest the maximum number of web searches per request
 * @param nightly whether the stream is a batch job that runs at night and on weekends
 */
record ActivityProfile(
    double density,
    double requestsPerHour,
    double inputPerRequest,
    double outputPerRequest,
    double cacheReadShare,
    double cacheWriteShare,
    double cacheWrite1hShare,
    double webSearchesPerRequest,
    boolean nightly) {}
