package io.github.healthgrpc.benchmarks.processes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.github.healthgrpc.benchmarks.peer.bare.BarePeer;
import io.github.healthgrpc.benchmarks.peer.boot.BootPeer;
import io.github.healthgrpc.benchmarks.peer.devh.DevhPeer;

/**
 * The five peers: the same demo application (services {@code demo.Greeter} and
 * {@code demo.Inventory}, the TCP {@code pricing} check on {@code demo.Inventory} every 1
 * s with a 500 ms timeout), each with the health handling a user would pick, each with
 * the part of the benchmarks' class path its users have.
 */
public enum Peer {

	/** grpc-java's HealthStatusManager, a checker thread, a plain Netty server. */
	BARE("bare grpc-java", BarePeer.class, Set.of(Libraries.DEVH, Libraries.BOOT, Libraries.HEALTH_GRPC), true, true),

	/**
	 * devh's own health service: SERVING for every bound service, whatever the checks
	 * say.
	 */
	DEVH("devh default", DevhPeer.class, Set.of(Libraries.BOOT, Libraries.NETTY, Libraries.HEALTH_GRPC), false, false),

	/** health-grpc on devh's server. */
	HEALTH_GRPC_DEVH("health-grpc on devh", DevhPeer.class, Set.of(Libraries.BOOT, Libraries.NETTY), true, true),

	/** Spring Boot's own gRPC health, indicators mapped per service, polled every 5 s. */
	BOOT("Boot default", BootPeer.class, Set.of(Libraries.DEVH, Libraries.HEALTH_GRPC), true, false),

	/** health-grpc on Spring Boot's server. */
	HEALTH_GRPC_BOOT("health-grpc on Boot", BootPeer.class, Set.of(Libraries.DEVH), true, true),

	// Issue 19, "Check at least on par": health-grpc configured as the servers' own
	// health services are, for the Check loads alone.

	/**
	 * health-grpc on devh's server with Health calls through the server's global
	 * interceptors and observations, as devh's own health service's are.
	 */
	HEALTH_GRPC_DEVH_INSTRUMENTED("health-grpc on devh, instrumented like devh default", DevhPeer.class,
			Set.of(Libraries.BOOT, Libraries.NETTY), true, true),

	/**
	 * health-grpc on Spring Boot's server with Health calls through the server's global
	 * interceptors and observations, as Boot's own health service's are.
	 */
	HEALTH_GRPC_BOOT_INSTRUMENTED("health-grpc on Boot, instrumented like Boot default", BootPeer.class,
			Set.of(Libraries.DEVH), true, true);

	/** Drain delay of every peer that has one (health-grpc's, the bare peer's hook). */
	public static final long DRAIN_MILLIS = 2_000;

	/**
	 * Shutdown grace period of devh's server and of Spring Boot's by default (neither is
	 * overridden: a held shutdown takes what it takes for their users), and the one the
	 * bare peer is given, as grpc-java has none of its own.
	 */
	static final long GRACE_MILLIS = 30_000;

	// The service of the harness's manual check on the health-grpc peers.
	private static final String MANUAL_SERVICE = "--grpc.health.services.bench.Manual.include=manual";

	private final String label;

	private final Class<?> mainClass;

	private final Set<Libraries> without;

	private final boolean followsPricing;

	private final boolean hasManualCheck;

	Peer(String label, Class<?> mainClass, Set<Libraries> without, boolean followsPricing, boolean hasManualCheck) {
		this.label = label;
		this.mainClass = mainClass;
		this.without = without;
		this.followsPricing = followsPricing;
		this.hasManualCheck = hasManualCheck;
	}

	public String label() {
		return this.label;
	}

	Class<?> mainClass() {
		return this.mainClass;
	}

	Set<Libraries> without() {
		return this.without;
	}

	/**
	 * Whether the peer's health follows the pricing check at all (devh's does not).
	 */
	public boolean followsPricing() {
		return this.followsPricing;
	}

	/**
	 * Whether the peer has a status that application code sets directly
	 * ({@code ManualHealthCheck}, or {@code setStatus} on the bare peer).
	 */
	public boolean hasManualCheck() {
		return this.hasManualCheck;
	}

	/**
	 * The service the crowds of watchers watch: {@code demo.Inventory}, but the overall
	 * service {@code ""} on devh's default service, which knows no other (it answers
	 * {@code SERVICE_UNKNOWN} for every bound service).
	 */
	public String watchedService() {
		return (this == DEVH) ? "" : "demo.Inventory";
	}

	public boolean isHealthGrpc() {
		return this == HEALTH_GRPC_DEVH || this == HEALTH_GRPC_BOOT || isInstrumented();
	}

	/**
	 * Whether this is health-grpc with Health calls through the server's global
	 * interceptors and observations ({@code grpc.health.security.allow-unauthenticated}
	 * and {@code grpc.health.observations.health-calls} switched), like the servers' own
	 * health services: measured under the Check loads alone, the figures that compare
	 * health-grpc's Check with theirs. Everything else is the same as with the defaults.
	 */
	public boolean isInstrumented() {
		return this == HEALTH_GRPC_DEVH_INSTRUMENTED || this == HEALTH_GRPC_BOOT_INSTRUMENTED;
	}

	/**
	 * Whether the propagation chain runs on this peer's server: health-grpc with its
	 * defaults.
	 */
	public boolean hasPropagationChain() {
		return isHealthGrpc() && !isInstrumented();
	}

	/**
	 * The server's own health service that health-grpc on this server replaces.
	 */
	public Peer own() {
		return onDevh() ? DEVH : BOOT;
	}

	private boolean onDevh() {
		return this == DEVH || this == HEALTH_GRPC_DEVH || this == HEALTH_GRPC_DEVH_INSTRUMENTED;
	}

	/**
	 * The health-grpc peer that this peer's figures are compared with: the one on the
	 * same server, and for the bare peer the one on the same transport (grpc-netty).
	 */
	public Peer reference() {
		return onDevh() ? HEALTH_GRPC_DEVH : HEALTH_GRPC_BOOT;
	}

	/**
	 * What the harness sets that differs from the peer's own defaults, for the report's
	 * notes; empty if nothing does.
	 */
	public String overrides() {
		if (this == BARE) {
			return "harness sets: drain delay " + DRAIN_MILLIS + " ms and shutdown grace period " + GRACE_MILLIS
					+ " ms (its own shutdown hook: grpc-java has no default)";
		}
		if (!isHealthGrpc()) {
			return "";
		}
		return "harness sets: grpc.health.shutdown.drain-delay=" + DRAIN_MILLIS
				+ "ms (default 3s), grpc.health.watch.max-watchers=20000 (default 10000)"
				+ (isInstrumented() ? ", grpc.health.security.allow-unauthenticated=false (default true), "
						+ "grpc.health.observations.health-calls=true (default false)" : "");
	}

	/**
	 * The peer's command line after its main class, to measure its start: the application
	 * alone. A health-grpc peer leaves out what only the harness adds to it (the
	 * {@code manual} check and its service, the propagation chain's beans), so that the
	 * pair of starts differs by the starter and nothing else.
	 * @param grpcPort its gRPC port
	 * @param pricingAddress the pricing listener's {@code host:port}
	 */
	List<String> startupArguments(int grpcPort, String pricingAddress) {
		List<String> args = new ArrayList<>(arguments(grpcPort, pricingAddress));
		if (isHealthGrpc()) {
			args.remove(MANUAL_SERVICE);
			args.add("--bench.harness-beans=false");
		}
		return args;
	}

	/**
	 * The peer's command line after its main class.
	 * @param grpcPort its gRPC port
	 * @param pricingAddress the pricing listener's {@code host:port}
	 */
	List<String> arguments(int grpcPort, String pricingAddress) {
		if (this == BARE) {
			return List.of(String.valueOf(grpcPort), pricingAddress, String.valueOf(DRAIN_MILLIS),
					String.valueOf(GRACE_MILLIS));
		}
		// Logging stays at Spring Boot's default (INFO), as in an application: at WARN,
		// the
		// first line the starter logs would be the process's first logging event, and the
		// classes that every application loads to log would count as the starter's.
		List<String> args = new ArrayList<>(
				List.of("--spring.main.banner-mode=off", "--sample.pricing.address=" + pricingAddress));
		// Each server's shutdown grace period stays its default (30 s).
		if (onDevh()) {
			args.addAll(List.of("--grpc.server.port=" + grpcPort, "--grpc.server.address=127.0.0.1"));
		}
		else {
			args.addAll(List.of("--spring.grpc.server.port=" + grpcPort, "--spring.grpc.server.address=127.0.0.1"));
		}
		if (this == BOOT) {
			args.add("--spring.grpc.server.health.service[demo.Inventory].include=pricing");
		}
		if (isHealthGrpc()) {
			args.addAll(List.of("--grpc.health.overall.include=ping",
					"--grpc.health.services.demo.Inventory.include=pricing", MANUAL_SERVICE,
					"--grpc.health.checks.pricing.interval=1s", "--grpc.health.checks.pricing.timeout=500ms",
					"--grpc.health.shutdown.drain-delay=" + DRAIN_MILLIS + "ms",
					// 10,000 fan-out watchers plus the stragglers of the crowd before.
					"--grpc.health.watch.max-watchers=20000"));
		}
		if (isInstrumented()) {
			args.addAll(List.of("--grpc.health.security.allow-unauthenticated=false",
					"--grpc.health.observations.health-calls=true"));
		}
		return args;
	}

}
