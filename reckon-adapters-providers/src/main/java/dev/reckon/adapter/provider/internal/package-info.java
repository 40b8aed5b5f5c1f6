/**
 * HTTP, JSON and pagination code shared by the OpenAI and Anthropic sources. The types are public
 * only so both provider packages can use them; applications construct {@link
 * dev.reckon.adapter.provider.HardenedHttpClient} and the sources, never these.
 */
package dev.reckon.adapter.provider.internal;
