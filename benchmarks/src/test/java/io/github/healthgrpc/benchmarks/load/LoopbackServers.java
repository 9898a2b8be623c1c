package io.github.healthgrpc.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;

/**
 * A real grpc-netty server on a free loopback port, for the load drivers' tests.
 */
final class LoopbackServers {

	private LoopbackServers() {
	}

	static Server start(BindableService service) throws IOException {
		return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service).build().start();
	}

}
