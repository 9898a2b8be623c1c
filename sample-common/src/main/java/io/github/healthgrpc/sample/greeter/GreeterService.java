package io.github.healthgrpc.sample.greeter;

import io.github.healthgrpc.sample.proto.GreeterGrpc;
import io.github.healthgrpc.sample.proto.HelloReply;
import io.github.healthgrpc.sample.proto.HelloRequest;
import io.grpc.stub.StreamObserver;

/**
 * The {@code demo.Greeter} service: answers {@code SayHello} with a greeting.
 *
 * <p>
 * Not tied to a gRPC server: each sample application declares it as a bean the way its
 * server finds services.
 */
public class GreeterService extends GreeterGrpc.GreeterImplBase {

	@Override
	public void sayHello(HelloRequest request, StreamObserver<HelloReply> responseObserver) {
		// proto3 has no null: an absent name arrives as "", which deserves a greeting
		// too.
		String name = request.getName().isBlank() ? "world" : request.getName().strip();
		responseObserver.onNext(HelloReply.newBuilder().setMessage("Hello, " + name + "!").build());
		responseObserver.onCompleted();
	}

}
