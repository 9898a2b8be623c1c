package io.github.healthgrpc.server;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * The gRPC servers that health-grpc has an adapter for, as startup failures name them.
 */
public enum SupportedGrpcServer {

	/**
	 * Spring Boot's own gRPC server.
	 */
	BOOT("Spring Boot's gRPC server", "org.springframework.boot:spring-boot-starter-grpc-server",
			"org.springframework.boot.grpc.server.", "spring.grpc.server.enabled=false",
			"org.springframework.boot.grpc.server.autoconfigure.GrpcServerAutoConfiguration"),

	/**
	 * devh's gRPC server.
	 */
	DEVH("devh's gRPC server", "net.devh:grpc-server-spring-boot-starter", "net.devh.boot.grpc.server.",
			"spring.autoconfigure.exclude=net.devh.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration",
			"net.devh.boot.grpc.server.autoconfigure.GrpcServerFactoryAutoConfiguration");

	private final String description;

	private final String artifact;

	private final String packagePrefix;

	private final String switchOff;

	private final String autoConfiguration;

	SupportedGrpcServer(String description, String artifact, String packagePrefix, String switchOff,
			String autoConfiguration) {
		this.description = description;
		this.artifact = artifact;
		this.packagePrefix = packagePrefix;
		this.switchOff = switchOff;
		this.autoConfiguration = autoConfiguration;
	}

	/**
	 * The server and the artifact that brings it.
	 * @return such as {@code devh's gRPC server (net.devh:grpc-server-spring-boot-starter)}
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

}
