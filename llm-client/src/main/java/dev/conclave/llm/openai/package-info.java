/**
 * Calling an OpenAI-compatible chat-completions endpoint (OpenRouter, OpenAI, a local server):
 * {@link dev.conclave.llm.openai.OpenAiCompatibleClient} makes one HTTP call and classifies what went
 * wrong ({@link dev.conclave.llm.openai.CallFailure}, {@link dev.conclave.llm.openai.FailureClass});
 * {@link dev.conclave.llm.openai.RetryingCaller} retries the retryable failures under a
 * {@link dev.conclave.delivery.RetryPolicy} and reports every attempt, so each one becomes a metrics row.
 *
 * <p>Plain Java without CDI: every class takes its settings in its constructor, so the CDI layer
 * ({@link dev.conclave.llm.ModelCaller}) decides where the settings come from.
 *
 * <p>Concurrency: calls are blocking and run on the caller's thread (the HTTP exchange itself runs on the
 * {@link java.net.http.HttpClient}'s executor while the caller waits); they are meant to be called from
 * virtual threads, where waiting for a slow model or sleeping through a backoff holds no platform thread.
 * Nothing here starts threads, and nothing logs: the API key cannot leak through a log line.
 */
package dev.conclave.llm.openai;
