from ipykernel.kernelapp import IPKernelApp

from pgsql_kernel.kernel import PgSQLKernel

IPKernelApp.launch_instance(kernel_class=PgSQLKernel)
