package io.github.healthgrpc.server.boot;

import io.github.healthgrpc.server.GrpcServerSupport;

/**
 * Spring Boot's gRPC server, as startup failures name it.
 */
class BootGrpcServerSupport extends GrpcServerSupport {

	static final String AUTO_CONFIGURATION = "org.springframework.boot.grpc.server.autoconfigure."
			+ "GrpcServerAutoConfiguration";

	BootGrpcServerSupport() {
		super("Spring Boot's gRPC server", "org.springframework.boot:spring-boot-starter-grpc-server",
				"org.springframework.boot.grpc.server.", "spring.grpc.server.enabled=false",
				AUTO_CONFIGURATION);
	}

}
