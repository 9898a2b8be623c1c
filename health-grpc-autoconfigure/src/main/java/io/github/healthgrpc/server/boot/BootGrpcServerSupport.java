package io.github.healthgrpc.server.boot;

import io.github.healthgrpc.server.GrpcServerSupport;

/**
 * Spring Boot's gRPC server, as startup failures name it.
 *
 * @since 0.1.0
 */
public class BootGrpcServerSupport extends GrpcServerSupport {

	/**
	 * The server's auto-configuration class, whose presence says the server is there.
	 */
	public static final String AUTO_CONFIGURATION = "org.springframework.boot.grpc.server.autoconfigure."
			+ "GrpcServerAutoConfiguration";

	/**
	 * Describe the server; {@code META-INF/spring.factories} lists this class.
	 */
	public BootGrpcServerSupport() {
		super("Spring Boot's gRPC server", "org.springframework.boot:spring-boot-starter-grpc-server",
				"org.springframework.boot.grpc.server.", "spring.grpc.server.enabled=false", AUTO_CONFIGURATION);
	}

}
