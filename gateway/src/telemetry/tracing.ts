import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Logger } from '@bibia/core';

/** The gateway's tracer: its spans, and where they go. */
export interface Tracing {
  tracer: Tracer;
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Whether the standard OpenTelemetry environment asks for traces: an OTLP endpoint
 * (`OTEL_EXPORTER_OTLP_ENDPOINT` or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) or
 * `OTEL_TRACES_EXPORTER=otlp`, unless `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`.
 * Off by default: nothing is traced, nothing is sent.
 */
export function tracesRequested(env: NodeJS.ProcessEnv): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return false;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  if (exporters.includes('none')) return false;
  return exporters.includes('otlp') || Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/**
 * Starts tracing over OTLP/HTTP (the exporter reads the standard `OTEL_EXPORTER_OTLP_*` variables:
 * endpoint, headers, timeout) and registers it for the process: Apollo Gateway's own spans
 * (request, plan, execution, fetches) and ours, with W3C `traceparent` propagation.
 * `OTEL_SERVICE_NAME` names the service (default `bibia-gateway`).
 */
export function startTracing(env: NodeJS.ProcessEnv, logger: Logger): Tracing {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME?.trim() || 'bibia-gateway' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  logger.info({ endpoint: env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'default' }, 'OpenTelemetry traces exported over OTLP/HTTP');
  return {
    tracer: trace.getTracer('bibia-gateway'),
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}

/**
 * Runs one call to another server in a client span (when tracing is on), with the W3C trace
 * context added to `headers`, so that the server's spans join the trace. The span fails when
 * `failed(result)` says so.
 */
export async function inClientSpan<T>(
  tracer: Tracer | undefined,
  name: string,
  attributes: Attributes,
  headers: Record<string, string>,
  call: () => Promise<T>,
  failed: (result: T) => string | undefined,
): Promise<T> {
  if (!tracer) return call();
  return tracer.startActiveSpan(name, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    propagation.inject(context.active(), headers);
    try {
      const result = await call();
      const why = failed(result);
      if (why) span.setStatus({ code: SpanStatusCode.ERROR, message: why });
      return result;
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
      throw err;
    } finally {
      span.end();
    }
  });
}
