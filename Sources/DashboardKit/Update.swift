/// The dashboard's update, as the run loop calls it (the Elm shape's
/// `update`): the model's `reduce` applies the message, then the views
/// measure the new state's layout (`measure`) for the next message, so
/// paging and scrolling always use the screen as it is. The model itself
/// never calls a view.
public func update(_ state: inout DashboardState, _ message: Message) -> [Effect] {
    if state.metrics == nil { state.metrics = measure(state) }
    let effects = reduce(&state, message)
    let metrics = measure(state)
    if metrics != state.metrics {
        state.metrics = metrics
        // A new page size (a resize): the selection stays on screen.
        state.keepSelectionVisible()
    }
    return effects
}
