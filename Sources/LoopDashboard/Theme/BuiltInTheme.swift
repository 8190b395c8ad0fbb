extension Theme {
    /// The dark default, compiled in so the dashboard works with no files at all.
    public static let builtInDefault: Theme = {
        func hex(_ s: String) -> Color { Color(name: s) ?? .default }
        func rs(_ fg: String, _ attrs: Attributes = [], bg: String = "default", fb: String? = nil) -> RoleStyle {
            RoleStyle(fg: hex(fg), bg: hex(bg), attributes: attrs, fallback16: fb.flatMap { Color(name: $0) })
        }
        let roles: [Role: RoleStyle] = [
            .text: rs("default"),
            .dim: rs("#8a8f98", fb: "bright-black"),
            .border: rs("#4b5263", fb: "bright-black"),
            .borderFocused: rs("#61afef", .bold, fb: "bright-blue"),
            .title: rs("#abb2bf", .bold, fb: "white"),
            .titleFocused: rs("#61afef", .bold, fb: "bright-blue"),
            .keyHint: rs("#e5c07b", .bold, fb: "yellow"),
            .keyLabel: rs("#8a8f98", fb: "white"),
            .selection: rs("#282c34", bg: "#61afef", fb: "black"),
            .good: rs("#98c379", fb: "green"),
            .warn: rs("#e5c07b", fb: "yellow"),
            .bad: rs("#e06c75", .bold, fb: "bright-red"),
            .nvidia: rs("#76b900", fb: "green"),
            .coreweave: rs("#61afef", fb: "bright-blue"),
            .vast: rs("#c678dd", fb: "magenta"),
            .customer: rs("#56b6c2", fb: "cyan"),
            .lender: rs("#d19a66", fb: "yellow"),
            .investor: rs("#abb2bf", fb: "white"),
            .supplier: rs("#8a8f98", fb: "bright-black"),
            .hyperscaler: rs("#e06c75", fb: "red"),
            .series1: rs("#61afef", fb: "bright-blue"),
            .series2: rs("#c678dd", fb: "magenta"),
            .series3: rs("#76b900", fb: "green"),
            .ghost: rs("#5c6370", fb: "bright-black"),
            .axis: rs("#8a8f98", fb: "bright-black"),
            .present: rs("#4b5263", fb: "bright-black"),
            .sliderFill: rs("#61afef", fb: "bright-blue"),
            .sliderTrack: rs("#4b5263", fb: "bright-black"),
            .sliderTarget: rs("#98c379", .bold, fb: "bright-green"),
            .sliderDefault: rs("#e5c07b", fb: "yellow"),
            .pulse: rs("#e5c07b", .bold, fb: "bright-yellow"),
            .edge: rs("#5c6370", fb: "bright-black"),
            .edgeLabel: rs("#e5c07b", fb: "yellow"),
            .statusBar: rs("#abb2bf", bg: "#2c313a", fb: "white"),
            .statusPaused: rs("#e5c07b", .bold, bg: "#2c313a", fb: "yellow"),
            .statusRunning: rs("#98c379", .bold, bg: "#2c313a", fb: "green"),
            .banner: rs("#282c34", .bold, bg: "#e5c07b", fb: "black"),
            .overlay: rs("default"),
            .error: rs("#e06c75", .bold, fb: "bright-red"),
        ]
        let slider = Gradient(start: hex("#56b6c2"), mid: hex("#61afef"), end: hex("#c678dd"))
        return Theme(name: "default", kind: .dark, roles: roles, gradients: [.slider: slider])
    }()
}
