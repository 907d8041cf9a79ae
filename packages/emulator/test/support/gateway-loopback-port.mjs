// Preloaded (`node --import`) into the open-source Portkey gateway process during tests.
// The gateway listens on every interface, on the port its --port flag names, and prints that
// number, which is 0 when asked for any free port. This binds it to 127.0.0.1 instead and
// sends the port it really got to the test that started it, over the IPC channel, so no port
// is picked in one process and bound in another.
import { Server } from 'node:net';

const listen = Server.prototype.listen;

Server.prototype.listen = function listenOnLoopback(port, ...rest) {
  const callback = rest.find((argument) => typeof argument === 'function');
  this.once('listening', () => process.send?.({ port: this.address().port }));
  return listen.call(this, { port: Number(port), host: '127.0.0.1' }, callback);
};
