// Placeholder top: the real UART core lives in the ip/ submodule.
module uart_loopback #(parameter CLKS_PER_BIT = 16) (
    input  wire clk,
    input  wire rst,
    input  wire rx,
    output wire tx
);
    assign tx = rx;
endmodule
