"""XNetwork composition function: VPC + one subnet per availability zone."""
import asyncio
import ipaddress

import grpc
from crossplane.function import logging, resource, response
from crossplane.function.proto.v1 import run_function_pb2 as fnv1
from crossplane.function.proto.v1 import run_function_pb2_grpc as grpcv1

from function.ipam import allocate_cidr


class FunctionRunner(grpcv1.FunctionRunnerServiceServicer):
    """Instantiated once in main(); RunFunction is called per reconcile."""

    def __init__(self, ipam_pool, azs):
        self.log = logging.get_logger()
        self.ipam_pool = ipam_pool
        self.azs = azs

    async def RunFunction(
        self, req: fnv1.RunFunctionRequest, _: grpc.aio.ServicerContext
    ) -> fnv1.RunFunctionResponse:
        log = self.log.bind(tag=req.meta.tag)
        rsp = response.to(req)

        xr = resource.struct_to_dict(req.observed.composite.resource)
        spec = xr.get("spec", {})
        region = spec.get("region", "eu-west-1")
        az_count = int(spec.get("azCount", 3))
        uid = xr["metadata"]["uid"]

        try:
            cidr = await asyncio.to_thread(
                allocate_cidr, self.ipam_pool, uid, spec.get("supernet", "10.64.0.0/10"), 20
            )
            zones = await asyncio.to_thread(self.azs.zones, region, az_count)
        except Exception as exc:  # noqa: BLE001
            response.fatal(rsp, f"cannot allocate network for {uid}: {exc}")
            return rsp

        resource.update(
            rsp.desired.resources["vpc"],
            {
                "apiVersion": "ec2.aws.upbound.io/v1beta1",
                "kind": "VPC",
                "spec": {"forProvider": {"region": region, "cidrBlock": cidr,
                                         "enableDnsHostnames": True}},
            },
        )
        subnets = ipaddress.ip_network(cidr).subnets(new_prefix=24)
        for zone, subnet in zip(zones, subnets):
            resource.update(
                rsp.desired.resources[f"subnet-{zone}"],
                {
                    "apiVersion": "ec2.aws.upbound.io/v1beta1",
                    "kind": "Subnet",
                    "spec": {"forProvider": {
                        "region": region,
                        "availabilityZone": zone,
                        "cidrBlock": str(subnet),
                        "vpcIdSelector": {"matchControllerRef": True},
                    }},
                },
            )
        log.info("rendered network", cidr=cidr, zones=len(zones))
        response.normal(rsp, f"allocated {cidr} across {len(zones)} zones")
        return rsp
