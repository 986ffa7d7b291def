/**
 * The configured providers ({@code conclave.llm.providers.<name>}) as {@link dev.conclave.llm.ModelProvider}s:
 * {@link dev.conclave.llm.providers.ProviderRegistry} builds them once at start-up, an
 * {@link dev.conclave.llm.providers.OpenAiProvider} for every OpenAI-compatible endpoint and an
 * {@link dev.conclave.llm.offline.OfflineProvider} for the simulator. Each makes one attempt per call.
 *
 * <p>Concurrency: blocking, on the caller's thread; all OpenAI-compatible providers share one
 * {@link java.net.http.HttpClient}.
 */
package dev.conclave.llm.providers;
