export const layout = "layouts/doc.vto";
export const section = "guides";
