package io.github.healthgrpc.benchmarks.peer;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/**
 * Counts the calls an upstream of the propagation chain serves, by method and by caller:
 * {@code upstream} (health-grpc's upstream check, whose channel says
 * {@code health-grpc-upstream} in its user agent), {@code polled} (the benchmark's polled
 * check, {@code bench-polled}) or {@code other} (the harness's own watchers). Added to
 * the server builder itself, the one place whose interceptors Health calls pass on both
 * servers.
 */
public final class CallCounter implements ServerInterceptor {

	/** The user agent of the benchmark's polled check. */
	public static final String POLLED_AGENT = "bench-polled";

	private static final String UPSTREAM_AGENT = "health-grpc-upstream";

	private static final Metadata.Key<String> USER_AGENT = Metadata.Key.of("user-agent",
			Metadata.ASCII_STRING_MARSHALLER);

	private final Map<String, AtomicLong> started = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();

	@Override
	public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
			ServerCallHandler<Q, R> next) {
		String key = call.getMethodDescriptor().getBareMethodName() + "." + caller(headers.get(USER_AGENT));
		this.started.computeIfAbsent(key, (k) -> new AtomicLong()).incrementAndGet();
		AtomicLong open = this.open.computeIfAbsent(key, (k) -> new AtomicLong());
		open.incrementAndGet();
		AtomicBoolean ended = new AtomicBoolean();
		return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {

			@Override
			public void onComplete() {
				end();
				super.onComplete();
			}

			@Override
			public void onCancel() {
				end();
				super.onCancel();
			}

			private void end() {
				if (ended.compareAndSet(false, true)) {
					open.decrementAndGet();
				}
			}

		};
	}

	private static String caller(String userAgent) {
		if (userAgent != null && userAgent.startsWith(UPSTREAM_AGENT)) {
			return "upstream";
		}
		return (userAgent != null && userAgent.startsWith(POLLED_AGENT)) ? "polled" : "other";
	}

	/**
	 * Every count so far, as {@code method.caller=started/open} separated by spaces, such
	 * as {@code Watch.upstream=1/1 Check.polled=60/0}.
	 */
	public String describe() {
		return new TreeMap<>(this.started).entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue().get() + "/" + this.open.get(entry.getKey()).get())
			.collect(Collectors.joining(" "));
	}

}
