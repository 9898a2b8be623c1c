package io.github.healthgrpc.server;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

/**
 * A gRPC server that health-grpc has an adapter for, as startup failures name it. Each
 * adapter subclasses it and lists the subclass in {@code META-INF/spring.factories}, so
 * that the core finds every supported server even when no adapter is active (to say which
 * artifact to add) or before any bean exists (to explain a clash of two servers), and a
 * new server needs no change outside its own adapter.
 *
 * @since 0.1.0
 */
public abstract class GrpcServerSupport {

	private final String description;

	private final String artifact;

	private final String packagePrefix;

	private final String switchOff;

	private final String autoConfiguration;

	/**
	 * Describe one server.
	 * @param description the server, as a user knows it, such as
	 * {@code devh's gRPC server}
	 * @param artifact the artifact that brings the server, as {@code groupId:artifactId}
	 * @param packagePrefix the package prefix of the server's Spring Boot integration
	 * @param switchOff the property setting that switches the server off
	 * @param autoConfiguration the server's auto-configuration class, there whenever the
	 * server is on the class path
	 */
	protected GrpcServerSupport(String description, String artifact, String packagePrefix, String switchOff,
			String autoConfiguration) {
		this.description = description;
		this.artifact = artifact;
		this.packagePrefix = packagePrefix;
		this.switchOff = switchOff;
		this.autoConfiguration = autoConfiguration;
	}

	/**
	 * Every supported server, in the order of {@code META-INF/spring.factories}.
	 * @param classLoader the class loader to load them with, or {@code null} for the
	 * default
	 * @return the servers, whether on the class path or not
	 */
	public static List<GrpcServerSupport> all(@Nullable ClassLoader classLoader) {
		return SpringFactoriesLoader.forDefaultResourceLocation(classLoader).load(GrpcServerSupport.class);
	}

	/**
	 * The server and the artifact that brings it.
	 * @return such as
	 * {@code devh's gRPC server (net.devh:grpc-server-spring-boot-starter)}
	 */
	public String describe() {
		return this.description + " (" + this.artifact + ")";
	}

	/**
	 * The server, as a user knows it.
	 * @return such as {@code devh's gRPC server}
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * Whether the named class belongs to this server's Spring Boot integration.
	 * @param className a fully qualified class name
	 * @return whether it is one of the server's
	 */
	public boolean owns(String className) {
		return className.startsWith(this.packagePrefix);
	}

	/**
	 * Whether the server's auto-configuration is on the class path, switched on or not.
	 * @param classLoader the application's class loader
	 * @return whether the server is there
	 */
	public boolean isPresent(@Nullable ClassLoader classLoader) {
		return ClassUtils.isPresent(this.autoConfiguration, classLoader);
	}

	/**
	 * How an application that has this server on its class path switches it off.
	 * @return a property setting
	 */
	public String switchOff() {
		return this.switchOff;
	}

	@Override
	public String toString() {
		return describe();
	}

}
