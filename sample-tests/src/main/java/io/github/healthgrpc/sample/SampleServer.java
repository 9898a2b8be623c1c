package io.github.healthgrpc.sample;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * One sample application as the shared end-to-end tests see it: its main class, the
 * properties that place its gRPC server, and how to learn the port that server bound.
 * Everything else about the samples is the same, so every test here runs against each of
 * them unchanged.
 *
 * <p>
 * Each sample module names its own subclass in {@code META-INF/spring.factories} of its
 * test resources; the test class path holds exactly one.
 */
public abstract class SampleServer {

	private static final String LOOPBACK = "127.0.0.1";

	private final Class<?> applicationClass;

	private final String grpcServerPrefix;

	private final Supplier<GrpcServerPort<?>> portListeners;

	/**
	 * Describe a sample.
	 * @param applicationClass the sample's {@code @SpringBootApplication} main class
	 * @param grpcServerPrefix the prefix of its gRPC server's {@code port} and
	 * {@code address} properties, such as {@code grpc.server}
	 * @param portListeners makes a new listener for the port its gRPC server bound
	 */
	protected SampleServer(Class<?> applicationClass, String grpcServerPrefix,
			Supplier<GrpcServerPort<?>> portListeners) {
		this.applicationClass = applicationClass;
		this.grpcServerPrefix = grpcServerPrefix;
		this.portListeners = portListeners;
	}

	/**
	 * The sample on the test class path.
	 * @return its description
	 */
	public static SampleServer get() {
		return Holder.INSTANCE;
	}

	/**
	 * The sample's main class.
	 * @return the {@code @SpringBootApplication} class
	 */
	public Class<?> applicationClass() {
		return this.applicationClass;
	}

	/**
	 * The properties that put the gRPC server on a loopback port.
	 * @param port the port, {@code 0} for any free one
	 * @return property names and values
	 */
	public Map<String, Object> grpcServerProperties(int port) {
		return Map.of(this.grpcServerPrefix + ".port", port, this.grpcServerPrefix + ".address", LOOPBACK);
	}

	/**
	 * The same properties as command-line arguments.
	 * @param port the port, {@code 0} for any free one
	 * @return arguments such as {@code --grpc.server.port=0}
	 */
	public List<String> grpcServerArguments(int port) {
		return arguments(grpcServerProperties(port));
	}

	/**
	 * The upstream check the sample ships, which follows another sample's
	 * {@code demo.Inventory}.
	 * @return the check and the service that includes it, {@code null} if the sample
	 * follows no other
	 */
	public @Nullable Follows follows() {
		return null;
	}

	/**
	 * The properties that let the sample run alone under test: a sample that follows
	 * another maps the service that includes the upstream check as the other sample maps
	 * it, so that every shared test sees the same services, and the upstream check is
	 * left in no service. The upstream check itself is tested with both samples running.
	 * @return property names and values, empty for a sample that follows no other
	 */
	public Map<String, Object> aloneProperties() {
		return Map.of();
	}

	/**
	 * The same properties as command-line arguments.
	 * @return arguments such as {@code --grpc.health.services.demo.Greeter.include=db}
	 */
	public List<String> aloneArguments() {
		return arguments(aloneProperties());
	}

	private static List<String> arguments(Map<String, Object> properties) {
		return properties.entrySet()
			.stream()
			.map((property) -> "--" + property.getKey() + "=" + property.getValue())
			.toList();
	}

	/**
	 * A new listener that learns the port the gRPC server bound once it listens.
	 * @return the listener, to add to the application before it starts
	 */
	public GrpcServerPort<?> newPortListener() {
		return this.portListeners.get();
	}

	/**
	 * How a sample follows another: an upstream check and the service that includes it.
	 *
	 * @param check the upstream check's name, under {@code grpc.health.upstreams}
	 * @param service the sample's service whose member it is
	 */
	public record Follows(String check, String service) {

	}

	private static final class Holder {

		static final SampleServer INSTANCE = load();

		private static SampleServer load() {
			List<SampleServer> samples = SpringFactoriesLoader.loadFactories(SampleServer.class, null);
			if (samples.size() != 1) {
				throw new IllegalStateException("Expected exactly one " + SampleServer.class.getName()
						+ " in META-INF/spring.factories on the test class path, but found " + samples
						+ ": the sample module's test resources must name its own");
			}
			return samples.get(0);
		}

	}

}
