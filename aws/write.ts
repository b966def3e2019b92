// One Write -> one Auto Scaling command, with exactly the inputs the write names.
import {
  CreateOrUpdateTagsCommand,
  DeleteTagsCommand,
  SetDesiredCapacityCommand,
  SetInstanceHealthCommand,
  UpdateAutoScalingGroupCommand,
} from '@aws-sdk/client-auto-scaling';
import type { Write } from '../controller/writes';
import { deleteWarmPoolCommand, putWarmPoolCommand } from './warm-pool';

const tagResource = (group: string) => ({ ResourceId: group, ResourceType: 'auto-scaling-group' });

export const commandFor = (w: Write) => {
  switch (w.kind) {
    case 'setDesiredCapacity':
      // The controller applies its own cooldowns from the activities; the ASG's would silently drop the write.
      return new SetDesiredCapacityCommand({ AutoScalingGroupName: w.group, DesiredCapacity: w.desired, HonorCooldown: false });
    case 'updateGroup':
      return new UpdateAutoScalingGroupCommand({
        AutoScalingGroupName: w.group,
        ...(w.min !== undefined ? { MinSize: w.min } : {}),
        ...(w.max !== undefined ? { MaxSize: w.max } : {}),
        ...(w.desired !== undefined ? { DesiredCapacity: w.desired } : {}),
        ...(w.distribution
          ? {
              MixedInstancesPolicy: {
                InstancesDistribution: {
                  OnDemandBaseCapacity: w.distribution.onDemandBaseCapacity,
                  OnDemandPercentageAboveBaseCapacity: w.distribution.onDemandPercentageAboveBaseCapacity,
                  SpotAllocationStrategy: w.distribution.spotAllocationStrategy,
                },
              },
            }
          : {}),
        ...(w.capacityRebalance !== undefined ? { CapacityRebalance: w.capacityRebalance } : {}),
      });
    case 'setInstanceUnhealthy':
      return new SetInstanceHealthCommand({ InstanceId: w.instanceId, HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: true });
    case 'putTags':
      return new CreateOrUpdateTagsCommand({
        Tags: Object.entries(w.tags).map(([Key, Value]) => ({ ...tagResource(w.group), Key, Value, PropagateAtLaunch: false })),
      });
    case 'deleteTags':
      return new DeleteTagsCommand({ Tags: w.keys.map((Key) => ({ ...tagResource(w.group), Key })) });
    case 'putWarmPool':
      return putWarmPoolCommand(w.group, w.pool, w.reuseOnScaleIn);
    case 'deleteWarmPool':
      return deleteWarmPoolCommand(w.group);
  }
};

export const describeWrite = (w: Write): string => `${w.kind} on ${w.group}`;
