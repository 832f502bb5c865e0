/** The only two IPC channels: every kiosk API call goes through one, every event through the other. */
export const callChannel = 'motcua:call';
export const eventChannel = 'motcua:event';
